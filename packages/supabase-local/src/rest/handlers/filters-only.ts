// The WHERE of an UPDATE/DELETE: root filters and logic trees of the query, over the table.
// Supabase's safeupdate refuses a statement without any (spec §0).
import { RestError } from "../errors.ts";
import type { ParsedQuery } from "../parse/types.ts";
import type { Relation, SchemaCache } from "../schema-cache/types.ts";
import { type BuildScope, buildNode } from "../sql/read-node.ts";
import { Params, qualified } from "../sql/text.ts";

export function mutationScope(cache: SchemaCache, query: ParsedQuery, maxRows: number): BuildScope {
  return { cache, params: new Params(), query, maxRows, consumed: new Set(), aliasCount: 0 };
}

export function rootWhere(
  scope: BuildScope,
  relation: Relation,
  verb: "UPDATE" | "DELETE",
): string {
  const build = buildNode(scope, relation, qualified(relation.schema, relation.name), [], []);
  if (build.where.length === 0) {
    throw new RestError(400, "21000", `${verb} requires a WHERE clause`);
  }
  return ` WHERE ${build.where.join(" AND ")}`;
}
