// /rpc/<function>: POST with a JSON object of named arguments, GET/HEAD with query parameters;
// scalar, set-returning, composite and void results shaped as PostgREST does (spec §12).
import { bodyError, singularError } from "../errors.ts";
import { contentTypes, isSingular } from "../parse/accept.ts";
import type { Preferences } from "../parse/prefer.ts";
import { parseQuery } from "../parse/query.ts";
import type { ParsedQuery } from "../parse/types.ts";
import type { RestRequest } from "../request.ts";
import { settingsFor } from "../request.ts";
import { applyResponseGucs, contentRange, type RestResponse, readStatus } from "../response.ts";
import type { DbFunction } from "../schema-cache/types.ts";
import { bodyExpression, countExpression, wrapStatement } from "../sql/body.ts";
import { callSql, findFunction } from "../sql/function-call.ts";
import { type BuildScope, buildNode, checkAllConsumed } from "../sql/read-node.ts";
import { sourceSql } from "../sql/source.ts";
import { Params } from "../sql/text.ts";
import { inTransaction } from "../transaction.ts";
import type { HandlerEnv } from "./env.ts";
import { type BodyRow, baseHeaders, shapeBody } from "./result.ts";

export async function handleRpc(
  env: HandlerEnv,
  r: RestRequest,
  name: string,
): Promise<RestResponse> {
  const reading = r.method === "GET" || r.method === "HEAD";
  const query = parseQuery(r.url.searchParams, reading);
  const { keys, json } = reading ? argsFromQuery(query, env, r, name) : argsFromBody(r);
  const fn = findFunction(env.cache, r.schema, name, keys);
  const params = new Params();
  const { argsFrom, call } = callSql(fn, keys, json, params);
  const from = (expr: string) => (argsFrom ? `${argsFrom}, LATERAL ${expr}` : expr);
  const applied: Preferences = {};
  if (r.prefer.count) applied.count = r.prefer.count;

  let text: string;
  const setReturning = fn.returnsSet;
  let offset = 0;
  if (fn.returns.kind === "composite") {
    const scope: BuildScope = {
      cache: env.cache,
      params,
      query,
      maxRows: env.maxRows,
      consumed: new Set(),
      aliasCount: 0,
    };
    const build = buildNode(scope, fn.returns.relation, '"pgrst_call"', query.select, []);
    checkAllConsumed(scope);
    const mods = build.modifiers;
    offset = mods.offset ?? 0;
    const limit = fn.returnsSet ? Math.min(mods.limit ?? env.maxRows, env.maxRows) : undefined;
    const src = sourceSql(build, from(`${call} AS "pgrst_call"`), { limit, offset }, params);
    const csvHeader = r.media === "csv" ? params.add(build.keys.join(","), "text") : "";
    text = wrapStatement(
      `"pgrst_source" AS (${src.rows})`,
      countExpression(r.prefer.count, src.countRows, env.maxRows),
      bodyExpression(r.media, csvHeader),
    );
  } else {
    const rows = fn.returnsSet
      ? `SELECT "pgrst_scalar" FROM ${from(`${call} AS "pgrst_scalar"`)}`
      : `SELECT ${call} AS "pgrst_scalar"${argsFrom ? ` FROM ${argsFrom}` : ""}`;
    text = wrapStatement(
      `"pgrst_source" AS (${rows})`,
      countExpression(r.prefer.count, rows, env.maxRows),
      bodyExpression("scalar", ""),
    );
  }
  const readOnly = reading || fn.volatility !== "volatile";

  const main = { text, values: params.values };
  const settings = settingsFor(r, readOnly, env.extraSearchPath);
  return inTransaction(
    env.pool,
    settings,
    main,
    (raw) => {
      const row = raw as unknown as BodyRow;
      const headers = baseHeaders(r, applied);
      const rows = Number(row.page_total);
      if (fn.returns.kind === "void") {
        return applyResponseGucs(
          { status: 204, headers, body: null },
          row.response_headers,
          row.response_status,
        );
      }
      let total = row.total === null ? null : Number(row.total);
      if (!setReturning) total = r.prefer.count ? 1 : null;
      const status = setReturning ? readStatus(offset, rows, total) : 200;
      headers["Content-Range"] = setReturning
        ? contentRange(offset, rows, total)
        : `0-0/${total ?? "*"}`;
      headers["Content-Type"] =
        contentTypes[r.media === "csv" && fn.returns.kind !== "composite" ? "json" : r.media];
      let body = row.body;
      if (fn.returns.kind === "composite") {
        body = setReturning ? shapeBody(r, row) : singleRow(row);
      } else if (!setReturning) {
        body = row.body.slice(1, -1) || "null";
      } else if (isSingular(r.media)) {
        if (rows !== 1) throw singularError(rows);
        body = row.body.slice(1, -1);
      }
      return applyResponseGucs(
        { status, headers, body },
        row.response_headers,
        row.response_status,
      );
    },
    true,
  );
}

function singleRow(row: BodyRow): string {
  return Number(row.page_total) === 1 ? row.body.slice(1, -1) : "null";
}

function argsFromBody(r: RestRequest): { keys: string[]; json: string } {
  const text = r.body?.toString("utf8").trim() ?? "";
  if (!text) return { keys: [], json: "{}" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bodyError("Empty or invalid json");
  }
  // A JSON array body uses its first object (PostgREST does the same).
  const first = Array.isArray(parsed) ? (parsed[0] ?? {}) : parsed;
  if (typeof first !== "object" || first === null) return { keys: [], json: text };
  return {
    keys: Object.keys(first),
    json: Array.isArray(parsed) ? JSON.stringify(first) : text,
  };
}

function argsFromQuery(
  query: ParsedQuery,
  env: HandlerEnv,
  r: RestRequest,
  name: string,
): { keys: string[]; json: string } {
  const variadic = new Set(
    env.cache
      .functions(r.schema, name)
      .flatMap((f: DbFunction) => f.params.filter((p) => p.variadic).map((p) => p.name)),
  );
  const args: Record<string, string | string[]> = {};
  for (const [k, v] of query.rpcArgs) {
    if (variadic.has(k)) {
      const prev = args[k];
      args[k] = Array.isArray(prev) ? [...prev, v] : [v];
    } else args[k] = v;
  }
  return { keys: Object.keys(args), json: JSON.stringify(args) };
}
