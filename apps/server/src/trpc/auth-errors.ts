// Turns a refused token or an exhausted user bucket into the TRPCError the client sees. The
// original reason stays in `cause` for the response headers and the log, never in the body.
import { TokenError } from "@docket/auth";
import { TRPCError } from "@trpc/server";

export class UserRateLimited extends Error {
  override name = "UserRateLimited";
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super("user rate limit exceeded");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function tokenErrorToTrpc(error: TokenError): TRPCError {
  if (error.status === 503) {
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "Sign-in could not be checked right now, retry shortly",
      cause: error,
    });
  }
  return new TRPCError({
    code: "UNAUTHORIZED",
    message: "Invalid or expired access token",
    cause: error,
  });
}

export function rateLimitedToTrpc(retryAfterSeconds: number): TRPCError {
  return new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: "Too many requests",
    cause: new UserRateLimited(retryAfterSeconds),
  });
}

/** Headers an error response needs: WWW-Authenticate on 401, Retry-After on 429/503. */
export function headersForErrors(errors: readonly TRPCError[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const error of errors) {
    if (error.code === "UNAUTHORIZED") {
      headers["WWW-Authenticate"] =
        error.cause instanceof TokenError
          ? 'Bearer realm="docket", error="invalid_token"'
          : 'Bearer realm="docket"';
    } else if (error.code === "SERVICE_UNAVAILABLE" && error.cause instanceof TokenError) {
      headers["Retry-After"] = "5";
    } else if (error.cause instanceof UserRateLimited) {
      headers["Retry-After"] = String(error.cause.retryAfterSeconds);
    }
  }
  return headers;
}
