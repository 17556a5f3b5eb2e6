// Browser redirects back to the app: implicit-flow tokens in the fragment, errors as
// `error`/`error_code`/`error_description` (also in the query for PKCE), always 303 from /verify.
import type { ServerResponse } from "node:http";
import type { AuthError } from "./errors.ts";

const OAUTH_ERROR: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized_client",
  403: "access_denied",
};

export function redirectTo303(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "content-length": 0 });
  res.end();
}

/** `#access_token=…&expires_at=…&…&type=…`, keys in alphabetical order as GoTrue emits them. */
export function implicitRedirect(
  target: string,
  session: Record<string, unknown>,
  type: string,
): string {
  const values: Record<string, string> = {
    access_token: String(session.access_token),
    expires_at: String(session.expires_at),
    expires_in: String(session.expires_in),
    refresh_token: String(session.refresh_token),
    sb: "",
    token_type: "bearer",
  };
  if (type) values.type = type;
  if (session.provider_token) values.provider_token = String(session.provider_token);
  if (session.provider_refresh_token)
    values.provider_refresh_token = String(session.provider_refresh_token);
  const fragment = new URLSearchParams(
    Object.entries(values).sort(([a], [b]) => a.localeCompare(b)),
  );
  const url = new URL(target);
  url.hash = fragment.toString();
  return url.toString();
}

export function errorRedirect(target: string, error: AuthError, pkce: boolean): string {
  const params = {
    error: OAUTH_ERROR[error.status] ?? "server_error",
    error_code: error.code,
    error_description: error.message,
  };
  const url = new URL(target);
  if (pkce) {
    url.searchParams.set("error", params.error);
    url.searchParams.set("error_code", params.error_code);
    url.searchParams.set("error_description", params.error_description);
  }
  url.hash = new URLSearchParams({ ...params, sb: "" }).toString();
  return url.toString();
}
