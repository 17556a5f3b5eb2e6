// The WHERE of an UPDATE/DELETE: root filters and logic trees of the query, over the table.
// Supabase's safeupdate refuses a statement without any (spec §0). With `limit`/`offset` the
// change is limited (v12, spec §11.5): the rows are picked by a sub-select with the filters, the
// mandatory `order` and the range, and matched back on the order columns, as PostgREST does.
import { RestError } from "../errors.ts";
import type { ParsedQuery } from "../parse/types.ts";
import type { Relation, SchemaCache } from "../schema-cache/types.ts";
import { type BuildScope, buildNode } from "../sql/read-node.ts";
import { ident, Params, qualified } from "../sql/text.ts";

export function mutationScope(cache: SchemaCache, query: ParsedQuery, maxRows: number): BuildScope {
  return { cache, params: new Params(), query, maxRows, consumed: new Set(), aliasCount: 0 };
}

export interface MutationWhere {
  sql: string;
  /** A limited change may touch at most this many rows (more is PGRST110, rolled back). */
  maxChanges?: number;
}

export function rootWhere(
  scope: BuildScope,
  relation: Relation,
  verb: "UPDATE" | "DELETE",
): MutationWhere {
  const root = scope.query.nodes.get("");
  if (root && (root.limit !== undefined || root.offset !== undefined)) {
    return limitedWhere(scope, relation, root.limit, root.offset);
  }
  const build = buildNode(scope, relation, qualified(relation.schema, relation.name), [], []);
  if (build.where.length === 0) {
    throw new RestError(400, "21000", `${verb} requires a WHERE clause`);
  }
  return { sql: ` WHERE ${build.where.join(" AND ")}` };
}

function limitedWhere(
  scope: BuildScope,
  relation: Relation,
  limit: number | undefined,
  offset: number | undefined,
): MutationWhere {
  const order = scope.query.nodes.get("")?.order ?? [];
  if (order.length === 0) {
    throw new RestError(
      400,
      "PGRST109",
      "A 'limit' was applied without an explicit 'order'",
      null,
      "Apply an 'order' using unique column(s)",
    );
  }
  const alias = '"pgrst_affected_rows"';
  const build = buildNode(scope, relation, alias, [], []);
  const target = qualified(relation.schema, relation.name);
  const keys = [...new Set(order.map((t) => t.field.name))].map(ident);
  const where = build.where.length ? ` WHERE ${build.where.join(" AND ")}` : "";
  const range =
    (limit !== undefined ? ` LIMIT ${scope.params.add(limit)}` : "") +
    (offset ? ` OFFSET ${scope.params.add(offset)}` : "");
  const picked = `SELECT ${keys.map((k) => `${alias}.${k}`).join(", ")} FROM ${target} AS ${alias}${where} ORDER BY ${build.orderBy.join(", ")}${range}`;
  const sql = ` WHERE (${keys.map((k) => `${target}.${k}`).join(", ")}) IN (${picked})`;
  return limit === undefined ? { sql } : { sql, maxChanges: limit };
}
