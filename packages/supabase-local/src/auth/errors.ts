// GoTrue's error shape for API version 2024-01-01 (what supabase-js asks for): `{code, message}`
// plus the `X-Supabase-Api-Version` header, without which auth-js cannot read `error.code`.
import type { ServerResponse } from "node:http";

export const API_VERSION = "2024-01-01";

export class AuthError extends Error {
  override name = "AuthError";
  readonly status: number;
  readonly code: string;
  /** Extra top-level fields of the error body (e.g. `weak_password`). */
  readonly extra: Record<string, unknown>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

export const badRequest = (message: string) => new AuthError(400, "validation_failed", message);

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** True when the caller asked for API version 2024-01-01 or later (auth-js always does). */
export function wantsVersionedErrors(requested: string | string[] | undefined): boolean {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return value >= API_VERSION;
}

/** Writes the error in the shape the request asked for: `{code, message}` with the version
 * header, or GoTrue's initial shape `{code: <status>, error_code, msg}` for older clients. */
export function sendError(res: ServerResponse, error: AuthError, versioned = true): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!versioned) {
    sendJson(
      res,
      error.status,
      { code: error.status, error_code: error.code, msg: error.message, ...error.extra },
      { "x-sb-error-code": error.code },
    );
    return;
  }
  sendJson(
    res,
    error.status,
    { code: error.code, message: error.message, ...error.extra },
    { "x-supabase-api-version": API_VERSION, "x-sb-error-code": error.code },
  );
}

/** Anything that is not an AuthError is a bug: answer 500 `unexpected_failure`, log the cause. */
export function toAuthError(error: unknown, log: (line: string) => void): AuthError {
  const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  if (error instanceof AuthError) {
    if (error.status >= 500 && error.cause !== undefined)
      log(`auth: ${error.message}: ${describe(error.cause)}`);
    return error;
  }
  log(`auth: unexpected failure: ${describe(error)}`);
  return new AuthError(
    500,
    "unexpected_failure",
    "Unexpected failure, please check server logs for more information",
  );
}
