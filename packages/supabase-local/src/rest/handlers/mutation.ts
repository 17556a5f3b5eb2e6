// Runs INSERT/UPDATE/DELETE as one statement: the DML in a CTE with RETURNING, then (for
// return=representation) the select tree over the returned rows, the body built by PostgreSQL.
import { RestError, singularError } from "../errors.ts";
import { isSingular } from "../parse/accept.ts";
import type { Preferences } from "../parse/prefer.ts";
import type { ParsedQuery } from "../parse/types.ts";
import type { RestRequest } from "../request.ts";
import { settingsFor } from "../request.ts";
import { contentRange, type RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import { bodyExpression, wrapStatement } from "../sql/body.ts";
import { type BuildScope, buildNode, checkAllConsumed } from "../sql/read-node.ts";
import { sourceSql } from "../sql/source.ts";
import { ident, qualified } from "../sql/text.ts";
import { inTransaction } from "../transaction.ts";
import type { HandlerEnv } from "./env.ts";
import { type BodyRow, baseHeaders, shapeBody, withBody } from "./result.ts";

export type MutationKind = "insert" | "update" | "delete";

export interface MutationSpec {
  kind: MutationKind;
  /** DML statements (several for inserts grouped by key set), given the RETURNING list. */
  dml: (returning: string) => string[];
  /** Upserts count inserted rows in the `pgrst.inserted` setting (201 vs 200). */
  countsInserted: boolean;
  applied: Preferences;
  /** Limited UPDATE/DELETE: the most rows it may change. */
  maxChanges?: number;
}

export async function runMutation(
  env: HandlerEnv,
  r: RestRequest,
  relation: Relation,
  query: ParsedQuery,
  scope: BuildScope,
  spec: MutationSpec,
): Promise<RestResponse> {
  const representation = r.prefer.return === "representation";
  const headersOnly = r.prefer.return === "headers-only" && spec.kind === "insert";
  const target = qualified(relation.schema, relation.name);
  let returning = '1 AS "pgrst_one"';
  let out: string | undefined;
  let keys: string[] = [];
  if (representation) {
    query.nodes.delete("");
    scope.consumed.add("");
    const build = buildNode(scope, relation, '"pgrst_source"', query.select, []);
    checkAllConsumed(scope);
    const used = [...build.used];
    if (used.length) returning = used.map((c) => `${target}.${ident(c)}`).join(", ");
    out = sourceSql(build, '"pgrst_source"', {}, scope.params).rows;
    keys = build.keys;
  } else if (headersOnly && relation.primaryKey.length) {
    returning = relation.primaryKey.map((c) => `${target}.${ident(c)}`).join(", ");
  }
  const statements = spec.dml(returning);
  const ctes =
    statements.length === 1
      ? [`"pgrst_source" AS (${statements[0]})`]
      : [
          ...statements.map((s, i) => `"pgrst_m${i}" AS (${s})`),
          `"pgrst_source" AS (${statements.map((_, i) => `SELECT * FROM "pgrst_m${i}"`).join(" UNION ALL ")})`,
        ];
  if (out) ctes.push(`"pgrst_out" AS (${out})`);
  const csvHeader = r.media === "csv" ? scope.params.add(keys.join(","), "text") : "";
  const body = out || headersOnly ? bodyExpression(r.media, csvHeader) : "''";
  const extra = spec.countsInserted ? `, current_setting('pgrst.inserted', true) AS inserted` : "";
  const text = wrapStatement(
    ctes.join(", "),
    "NULL::bigint",
    body,
    out ? '"pgrst_out"' : '"pgrst_source"',
    extra,
  );

  const main = { text, values: scope.params.values };
  const settings = settingsFor(r, false, env.extraSearchPath);
  return inTransaction(
    env.pool,
    settings,
    main,
    (raw) => {
      const row = raw as unknown as BodyRow & { inserted?: string | null };
      const rows = Number(row.page_total);
      if (isSingular(r.media) && rows !== 1) throw singularError(rows);
      checkMaxAffected(r, spec.kind, rows);
      checkMaxChanges(spec.maxChanges, rows);
      const total = r.prefer.count ? rows : null;
      const headers = baseHeaders(r, spec.applied);
      headers["Content-Range"] =
        spec.kind === "update" ? contentRange(0, rows, total) : `*/${total ?? "*"}`;
      let status = spec.kind === "insert" ? 201 : representation ? 200 : 204;
      if (
        spec.countsInserted &&
        Number(row.inserted ?? 0) === 0 &&
        r.prefer.resolution === "merge-duplicates"
      ) {
        status = 200;
      }
      if (headersOnly && rows === 1 && relation.primaryKey.length) {
        headers.Location = location(relation, row.body);
      }
      if (!representation) return { status, headers, body: null };
      return withBody(r, status, headers, shapeBody(r, row), row);
    },
    false,
  );
}

function location(relation: Relation, body: string): string {
  const [first] = JSON.parse(body) as Record<string, unknown>[];
  const query = relation.primaryKey
    .map((c) => `${encodeURIComponent(c)}=eq.${encodeURIComponent(String(first?.[c] ?? ""))}`)
    .join("&");
  return `/${encodeURIComponent(relation.name)}?${query}`;
}

/** `Prefer: handling=strict, max-affected=n` on PATCH/DELETE: more rows → 400, rolled back. */
function checkMaxAffected(r: RestRequest, kind: MutationKind, rows: number): void {
  const limit = r.prefer.handling === "strict" ? r.prefer.maxAffected : undefined;
  if (limit === undefined || kind === "insert" || rows <= limit) return;
  throw new RestError(
    400,
    "PGRST124",
    "Query result exceeds max-affected preference constraint",
    `The query affects ${rows} rows`,
  );
}

/** A limited change ordered by non-unique columns can match more rows than `limit`: 400. */
function checkMaxChanges(maxChanges: number | undefined, rows: number): void {
  if (maxChanges === undefined || rows <= maxChanges) return;
  throw new RestError(
    400,
    "PGRST110",
    "The maximum number of rows allowed to change was surpassed",
    `Results contain ${rows} rows changed but the maximum number allowed is ${maxChanges}`,
  );
}
