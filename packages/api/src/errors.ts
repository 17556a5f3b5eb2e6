// Turns Supabase (Data API, Storage, Auth) errors into tRPC errors with the right status.
// Messages we wrote ourselves (the PTxyz errors of our SQL functions) pass through; anything
// unexpected becomes a 500 whose details go only to the log, next to the request id.

import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import type { Context } from "./trpc.ts";

interface SupabaseLikeError {
  message: string;
  code?: string | undefined;
  status?: number | undefined;
  statusCode?: string | undefined;
}

// SQLSTATEs raised by supabase/migrations functions (see 20261125183000_app_private_schema.sql).
const OWN_CODES: Record<string, TRPC_ERROR_CODE_KEY> = {
  PT400: "BAD_REQUEST",
  PT401: "UNAUTHORIZED",
  PT403: "FORBIDDEN",
  PT404: "NOT_FOUND",
  PT409: "CONFLICT",
};

// Database and PostgREST codes that mean "your request was wrong", with a safe message.
const KNOWN_CODES: Record<string, [TRPC_ERROR_CODE_KEY, string]> = {
  "23505": ["CONFLICT", "It already exists"],
  "23503": ["BAD_REQUEST", "A referenced row does not exist"],
  "23514": ["BAD_REQUEST", "A value is out of range"],
  "23502": ["BAD_REQUEST", "A required value is missing"],
  "22001": ["BAD_REQUEST", "A value is too long"],
  "22P02": ["BAD_REQUEST", "A value has the wrong format"],
  "42501": ["FORBIDDEN", "Not allowed"],
  PGRST116: ["NOT_FOUND", "Not found"],
  PGRST301: ["UNAUTHORIZED", "Sign in to continue"],
  PGRST303: ["UNAUTHORIZED", "Sign in to continue"],
};

const HTTP_STATUS_CODES: Record<number, [TRPC_ERROR_CODE_KEY, string]> = {
  400: ["BAD_REQUEST", "The request was refused"],
  401: ["UNAUTHORIZED", "Sign in to continue"],
  403: ["FORBIDDEN", "Not allowed"],
  404: ["NOT_FOUND", "Not found"],
  409: ["CONFLICT", "It already exists"],
  413: ["PAYLOAD_TOO_LARGE", "The file is too large"],
  429: ["TOO_MANY_REQUESTS", "Too many requests, try again later"],
};

// Storage answers e.g. HTTP 400 with `statusCode: "404"` in the body; the body is the truth.
function httpStatusOf(error: SupabaseLikeError): number | undefined {
  const fromBody = Number(error.statusCode);
  if (error.statusCode && Number.isInteger(fromBody)) return fromBody;
  return typeof error.status === "number" ? error.status : undefined;
}

/** Maps `error` from a supabase-js call made while doing `operation`. */
export function toTRPCError(ctx: Context, operation: string, error: SupabaseLikeError): TRPCError {
  const own = error.code ? OWN_CODES[error.code] : undefined;
  if (own) return new TRPCError({ code: own, message: error.message });
  const known =
    (error.code ? KNOWN_CODES[error.code] : undefined) ??
    HTTP_STATUS_CODES[httpStatusOf(error) ?? 0];
  if (known) return new TRPCError({ code: known[0], message: known[1] });
  ctx.logger.error(
    {
      requestId: ctx.requestId,
      operation,
      code: error.code,
      status: httpStatusOf(error),
      err: error.message,
    },
    "unexpected Supabase error",
  );
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal server error" });
}

/** A 400 that names the offending input field, shown like a schema validation error. */
export function fieldError(field: string, message: string): TRPCError {
  const cause = Object.assign(new Error(message), { issues: [{ path: [field], message }] });
  return new TRPCError({ code: "BAD_REQUEST", message, cause });
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
}
