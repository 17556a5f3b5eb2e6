import type { TRPCRouterRecord } from "@trpc/server";
import { secretClientFor } from "../clients.ts";
import { toTRPCError } from "../errors.ts";
import { authedProcedure } from "../trpc.ts";

export const meRouter = {
  /** The verified identity; isAdmin is read from user_roles now, not from the token. */
  me: authedProcedure.query(async ({ ctx }) => {
    const { data, error } = await secretClientFor(ctx.deps)
      .from("user_roles")
      .select("role")
      .eq("user_id", ctx.user.sub)
      .eq("role", "admin")
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "me", error);
    return {
      id: ctx.user.sub,
      email: ctx.user.email ?? null,
      role: ctx.user.role,
      isAdmin: data !== null,
    };
  }),

  /** The cheapest authed call: proves the token is valid, touches no database. */
  ping: authedProcedure.query(({ ctx }) => ({ userId: ctx.user.sub, requestId: ctx.requestId })),
} satisfies TRPCRouterRecord;
