// What a handler returns and how it is written: bodies only when there is one (no Content-Type
// otherwise), Content-Range from page and total (spec §6.4), errors as PostgREST JSON.
import type { ServerResponse } from "node:http";
import { RestError, rangeError } from "./errors.ts";

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export function contentRange(lower: number, rows: number, total: number | null): string {
  const t = total === null ? "*" : String(total);
  if (rows === 0 || total === 0) return `*/${t}`;
  return `${lower}-${lower + rows - 1}/${t}`;
}

/** 200, 206 when the page is smaller than a known total, 416 when the offset is past it. */
export function readStatus(lower: number, rows: number, total: number | null): number {
  if (total === null) return 200;
  if (lower > total) {
    throw rangeError(`An offset of ${lower} was requested, but there are only ${total} rows.`, {
      "Content-Range": `*/${total}`,
    });
  }
  return rows < total ? 206 : 200;
}

export function send(res: ServerResponse, r: RestResponse, head: boolean): void {
  if (r.body !== null && !head) {
    const buf = Buffer.from(r.body, "utf8");
    r.headers["Content-Length"] = String(buf.length);
    res.writeHead(r.status, r.headers);
    res.end(buf);
    return;
  }
  res.writeHead(r.status, r.headers);
  res.end();
}

export function errorResponse(err: RestError): RestResponse {
  return {
    status: err.status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...err.headers },
    body: err.body(),
  };
}

/** Applies `response.status` / `response.headers` set by SQL (spec §13.3). */
export function applyResponseGucs(
  r: RestResponse,
  headersJson: string | null,
  status: string | null,
): RestResponse {
  if (status !== null) {
    const n = Number(status);
    if (!Number.isInteger(n) || n < 100 || n > 599) throw gucError("PGRST112", "response.status");
    r.status = n;
  }
  if (headersJson !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(headersJson);
    } catch {
      throw gucError("PGRST111", "response.headers");
    }
    if (!Array.isArray(parsed)) throw gucError("PGRST111", "response.headers");
    for (const entry of parsed) {
      if (!entry || typeof entry !== "object") throw gucError("PGRST111", "response.headers");
      for (const [k, v] of Object.entries(entry)) r.headers[k] = String(v);
    }
  }
  return r;
}

function gucError(code: string, guc: string): RestError {
  return new RestError(500, code, `${guc} guc must be a valid value`);
}
