// Shared by every handler that runs the body statement: reads its single result row, checks
// the singular rule, and forms the response with Content-Range and Preference-Applied.
import { singularError } from "../errors.ts";
import { contentTypes, isSingular } from "../parse/accept.ts";
import { type Preferences, preferenceApplied } from "../parse/prefer.ts";
import type { RestRequest } from "../request.ts";
import { applyResponseGucs, type RestResponse } from "../response.ts";

export interface BodyRow {
  total: string | null;
  page_total: string;
  body: string;
  response_headers: string | null;
  response_status: string | null;
}

export function baseHeaders(r: RestRequest, applied: Preferences): Record<string, string> {
  const headers: Record<string, string> = {};
  if (r.profile) headers["Content-Profile"] = r.profile;
  const pa = preferenceApplied(applied);
  if (pa) headers["Preference-Applied"] = pa;
  return headers;
}

/** The JSON/CSV body for the negotiated media type; throws PGRST116 for singular ≠ 1 row. */
export function shapeBody(r: RestRequest, row: BodyRow): string {
  const rows = Number(row.page_total);
  if (isSingular(r.media)) {
    if (rows !== 1) throw singularError(rows);
    // json_agg of exactly one element is "[" + element + "]".
    return row.body.slice(1, -1);
  }
  return row.body;
}

export function withBody(
  r: RestRequest,
  status: number,
  headers: Record<string, string>,
  body: string,
  row: BodyRow,
): RestResponse {
  headers["Content-Type"] = contentTypes[r.media];
  return applyResponseGucs({ status, headers, body }, row.response_headers, row.response_status);
}
