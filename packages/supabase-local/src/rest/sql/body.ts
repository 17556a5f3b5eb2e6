// The outer SELECT that turns a CTE of result rows into the response: the JSON (or CSV) body,
// the page size and the total, all computed by PostgreSQL in the same statement (spec §14).
import type { MediaKind } from "../parse/accept.ts";

export type BodyShape = MediaKind | "scalar" | "scalar-set";

export function bodyExpression(shape: BodyShape, csvHeader: string): string {
  const t = '"pgrst_t"';
  switch (shape) {
    case "csv":
      return `${csvHeader} || E'\\n' || coalesce(string_agg(substr(${t}::text, 2, length(${t}::text) - 2), E'\\n'), '')`;
    case "json-stripped":
    case "object-stripped":
      return `coalesce(json_agg(json_strip_nulls(row_to_json(${t}))), '[]')::text`;
    case "scalar":
      return `coalesce(json_agg(${t}."pgrst_scalar"), '[]')::text`;
    case "scalar-set":
      return `coalesce(json_agg(${t}."pgrst_scalar"), '[]')::text`;
    default:
      return `coalesce(json_agg(${t}), '[]')::text`;
  }
}

/**
 * `WITH <ctes> SELECT total, page_total, body, response GUCs FROM <source>`.
 * `total` is SQL for the count (or NULL); `ctes` define the source CTE (default "pgrst_source").
 */
export function wrapStatement(
  ctes: string,
  total: string,
  body: string,
  source = '"pgrst_source"',
  extra = "",
): string {
  return (
    `WITH ${ctes} SELECT ${total} AS total, count(*) AS page_total, ${body} AS body, ` +
    `nullif(current_setting('response.headers', true), '') AS response_headers, ` +
    `nullif(current_setting('response.status', true), '') AS response_status${extra} ` +
    `FROM ${source} AS "pgrst_t"`
  );
}

export function countExpression(
  count: "exact" | "planned" | "estimated" | undefined,
  countRows: string,
  maxRows: number,
): string {
  if (count === "exact") return `(SELECT count(*) FROM (${countRows}) AS "pgrst_c")`;
  // estimated: exact up to max-rows, then the planner's estimate takes over (done by the caller).
  if (count === "estimated") {
    return `(SELECT count(*) FROM (${countRows} LIMIT ${maxRows + 1}) AS "pgrst_c")`;
  }
  return "NULL::bigint";
}
