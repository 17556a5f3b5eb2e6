/**
 * The tRPC setup of Docket's API. Read it top to bottom:
 * 1. CONTEXT — what every procedure receives.
 * 2. INITIALIZATION — tRPC itself and the error formatter.
 * 3. ROUTER & PROCEDURE — the router helpers and the only three procedure builders allowed.
 */
import type { AccessClaims } from "@docket/auth";
import { initTRPC } from "@trpc/server";
import { fieldErrorsFrom } from "./lib/field-errors.ts";
import type { ApiLogger } from "./logger.ts";
import { silentLogger } from "./logger.ts";
import { auditAdminMutation } from "./middleware/audit-admin-mutation.ts";
import { requireAdmin } from "./middleware/require-admin.ts";
import { requireUser } from "./middleware/require-user.ts";

/* 1. CONTEXT */

export interface ApiDeps {
  supabaseUrl: string;
  publishableKey: string;
  /** Server only: used for admin procedures and the user_roles check. */
  secretKey: string;
  logger?: ApiLogger;
}

export interface CreateContextOptions {
  requestId: string;
  /** Claims of a verified access token, or null for an anonymous request. */
  user: AccessClaims | null;
  /** The raw bearer token the claims came from (forwarded to Supabase so RLS applies). */
  token: string | null;
  deps: ApiDeps;
}

/**
 * Builds the context from already verified inputs. The HTTP adapter (apps/server) verifies the
 * bearer token and calls this; tests call it directly with a real token.
 */
export function createContextInner(options: CreateContextOptions) {
  return {
    requestId: options.requestId,
    user: options.user,
    token: options.token,
    deps: options.deps,
    logger: options.deps.logger ?? silentLogger,
  };
}

export type Context = ReturnType<typeof createContextInner>;

/* 2. INITIALIZATION */

export interface Meta {
  /** Overrides the audit action name (default `admin.<procedure path>`). */
  auditAction?: string;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Never send stack traces, whatever NODE_ENV says.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        // Unexpected failures are logged with the request id where they happen; callers
        // get only the id to quote.
        message: internal ? "Internal server error" : shape.message,
        data: {
          ...shape.data,
          requestId: ctx?.requestId ?? null,
          zodError: error.code === "BAD_REQUEST" ? fieldErrorsFrom(error.cause) : null,
        },
      };
    },
  });

/* 3. ROUTER & PROCEDURE */

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure;

/** A verified user; `ctx.user` is non-null and `ctx.supabase()` acts as them (RLS applies). */
export const authedProcedure = t.procedure.use(requireUser);

/**
 * An admin, checked against user_roles on every request; `ctx.admin` is the secret-key client.
 * Every mutation through it leaves an audit_log row.
 */
export const adminProcedure = authedProcedure.use(requireAdmin).use(auditAdminMutation);
