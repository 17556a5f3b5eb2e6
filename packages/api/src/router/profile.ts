import type { TRPCRouterRecord } from "@trpc/server";
import { notFound, toTRPCError } from "../errors.ts";
import { updateProfileInput } from "../schemas/profile.ts";
import { authedProcedure } from "../trpc.ts";

export const profileRouter = {
  get: authedProcedure.query(async ({ ctx }) => {
    const { data, error } = await ctx
      .supabase()
      .from("profiles")
      .select("*")
      .eq("id", ctx.user.sub)
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "profile.get", error);
    if (!data) throw notFound("Profile");
    return data;
  }),

  update: authedProcedure.input(updateProfileInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx
      .supabase()
      .from("profiles")
      .update({ display_name: input.displayName })
      .eq("id", ctx.user.sub)
      .select("*")
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "profile.update", error);
    if (!data) throw notFound("Profile");
    return data;
  }),
} satisfies TRPCRouterRecord;
