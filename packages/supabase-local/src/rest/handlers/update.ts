// PATCH /<table>?filters: UPDATE with the body's columns (spec §11.4).
import type { Preferences } from "../parse/prefer.ts";
import { parseQuery } from "../parse/query.ts";
import type { RestRequest } from "../request.ts";
import { contentRange, type RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import { ident, qualified } from "../sql/text.ts";
import type { HandlerEnv } from "./env.ts";
import { mutationScope, rootWhere } from "./filters-only.ts";
import { runMutation } from "./mutation.ts";
import { parsePayload, payloadColumns, requireWritable } from "./payload.ts";
import { baseHeaders } from "./result.ts";

export async function handleUpdate(
  env: HandlerEnv,
  r: RestRequest,
  relation: Relation,
): Promise<RestResponse> {
  requireWritable(relation, "updatable");
  const query = parseQuery(r.url.searchParams, false);
  const payload = parsePayload(r);
  const first = payload.rows[0] ?? {};
  const columns = payloadColumns({ ...payload, rows: [first] }, query.columns, relation);
  const scope = mutationScope(env.cache, query, env.maxRows);
  const where = rootWhere(scope, relation, "UPDATE");
  const applied: Preferences = {};
  if (r.prefer.missing === "default" && query.columns) applied.missing = "default";
  if (r.prefer.return) applied.return = r.prefer.return;
  if (r.prefer.count) applied.count = r.prefer.count;
  if (r.prefer.handling === "strict") {
    applied.handling = "strict";
    if (r.prefer.maxAffected !== undefined) applied.maxAffected = r.prefer.maxAffected;
  }
  if (columns.length === 0) {
    // Nothing to set: no statement, nothing changed.
    const headers = baseHeaders(r, applied);
    headers["Content-Range"] = contentRange(0, 0, r.prefer.count ? 0 : null);
    if (r.prefer.return !== "representation") return { status: 204, headers, body: null };
    headers["Content-Type"] = "application/json; charset=utf-8";
    return { status: 200, headers, body: "[]" };
  }
  const target = qualified(relation.schema, relation.name);
  const json = payload.isArray
    ? `${params(scope, JSON.stringify(first))}`
    : params(scope, payload.json);
  const sets = columns
    .map((c) =>
      Object.hasOwn(first, c) || r.prefer.missing !== "default"
        ? `${ident(c)} = "pgrst_body".${ident(c)}`
        : `${ident(c)} = DEFAULT`,
    )
    .join(", ");
  const dml = (returning: string) => [
    `UPDATE ${target} SET ${sets} FROM (SELECT * FROM json_populate_record(NULL::${target}, ${json}::json)) AS "pgrst_body"${where.sql} RETURNING ${returning}`,
  ];
  return runMutation(env, r, relation, query, scope, {
    kind: "update",
    dml,
    countsInserted: false,
    applied,
    maxChanges: where.maxChanges,
  });
}

function params(scope: ReturnType<typeof mutationScope>, value: string): string {
  return scope.params.add(value);
}
