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
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
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

export function sendError(res: ServerResponse, error: AuthError): void {
  if (res.headersSent) {
    res.destroy();
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
  if (error instanceof AuthError) return error;
  log(
    `auth: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return new AuthError(
    500,
    "unexpected_failure",
    "Unexpected failure, please check server logs for more information",
  );
}
