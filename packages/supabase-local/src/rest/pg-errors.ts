// SQLSTATE → HTTP status, as PostgREST maps database errors (spec §16.3), plus the custom
// `PTxyz` statuses and the `RAISE SQLSTATE 'PGRST'` full-control form (§12.4).
import { RestError } from "./errors.ts";

export interface DatabaseErrorLike {
  code?: string | undefined;
  message: string;
  detail?: string | undefined;
  hint?: string | undefined;
}

export function isDatabaseError(err: unknown): err is DatabaseErrorLike {
  return (
    err instanceof Error &&
    typeof (err as { code?: unknown }).code === "string" &&
    "severity" in err
  );
}

export function statusForSqlState(code: string, message: string, isAnon: boolean): number {
  if (code === "42501") return isAnon ? 401 : 403;
  if (code === "23503" || code === "23505") return 409;
  if (code === "25006") return 405;
  if (code === "21000") return message.endsWith("requires a WHERE clause") ? 400 : 500;
  if (code === "42883") return message.startsWith("function xmlagg(") ? 406 : 404;
  if (code === "42P01") return 404;
  if (code === "42P17") return 500;
  if (code === "53400") return 500;
  if (code === "57P01") return 503;
  if (code === "P0001") return 400;
  if (code.startsWith("PT")) {
    const n = Number(code.slice(2));
    return Number.isInteger(n) && n >= 100 && n <= 599 ? n : 500;
  }
  const cls = code.slice(0, 2);
  switch (cls) {
    case "08":
    case "53":
      return 503;
    case "0L":
    case "0P":
    case "28":
      return 403;
    case "09":
    case "25":
    case "2D":
    case "38":
    case "39":
    case "3B":
    case "40":
    case "54":
    case "55":
    case "57":
    case "58":
    case "F0":
    case "HV":
    case "XX":
    case "P0":
      return 500;
    default:
      return 400;
  }
}

export function fromDatabaseError(err: DatabaseErrorLike, isAnon: boolean): RestError {
  const code = err.code ?? "XX000";
  if (code === "PGRST") return fromRaisedPgrst(err);
  const status = statusForSqlState(code, err.message, isAnon);
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": "Bearer" } : {};
  return new RestError(status, code, err.message, err.detail ?? null, err.hint ?? null, headers);
}

/** `RAISE SQLSTATE 'PGRST' USING MESSAGE = '<json error>', DETAIL = '<json status/headers>'`. */
function fromRaisedPgrst(err: DatabaseErrorLike): RestError {
  try {
    const body = JSON.parse(err.message) as Record<string, unknown>;
    const meta = JSON.parse(err.detail ?? "{}") as Record<string, unknown>;
    const status = typeof meta.status === "number" ? meta.status : 400;
    const headers: Record<string, string> = {};
    if (meta.headers && typeof meta.headers === "object") {
      for (const [k, v] of Object.entries(meta.headers)) headers[k] = String(v);
    }
    return new RestError(
      status,
      typeof body.code === "string" ? body.code : "",
      typeof body.message === "string" ? body.message : "",
      typeof body.details === "string" ? body.details : null,
      typeof body.hint === "string" ? body.hint : null,
      headers,
    );
  } catch {
    return new RestError(
      500,
      "PGRST121",
      "Could not parse JSON in the \"RAISE SQLSTATE 'PGRST'\" error",
      err.message,
    );
  }
}
