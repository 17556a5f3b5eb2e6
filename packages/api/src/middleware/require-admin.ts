// adminProcedure: checks public.user_roles with the secret key on every request (never a
// claim in the token), so revoking admin takes effect on the very next call.
import type { AccessClaims } from "@docket/auth";
import { experimental_standaloneMiddleware, TRPCError } from "@trpc/server";
import { secretClientFor } from "../clients.ts";
import type { Context } from "../trpc.ts";

export const requireAdmin = experimental_standaloneMiddleware<{
  ctx: Context & { user: AccessClaims };
}>().create(async ({ ctx, next }) => {
  const admin = secretClientFor(ctx.deps);
  const { data, error } = await admin
    .from("user_roles")
    .select("role")
    .eq("user_id", ctx.user.sub)
    .eq("role", "admin")
    .maybeSingle();
  if (error) {
    ctx.logger.error(
      { requestId: ctx.requestId, code: error.code, err: error.message },
      "admin check failed",
    );
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Admin check failed" });
  }
  if (!data) throw new TRPCError({ code: "FORBIDDEN", message: "Admins only" });
  return next({ ctx: { admin } });
});
