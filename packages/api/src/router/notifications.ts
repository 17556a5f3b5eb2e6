import type { TRPCRouterRecord } from "@trpc/server";
import { toTRPCError } from "../errors.ts";
import { listNotificationsInput, markReadInput } from "../schemas/notifications.ts";
import { authedProcedure } from "../trpc.ts";

export const notificationsRouter = {
  list: authedProcedure.input(listNotificationsInput).query(async ({ ctx, input }) => {
    let query = ctx
      .supabase()
      .from("notifications")
      .select("*", { count: "exact" })
      .order("created_at", { ascending: false })
      .order("id", { ascending: false })
      .range(input.offset, input.offset + input.limit - 1);
    if (input.unreadOnly) query = query.is("read_at", null);
    const { data, error, count } = await query;
    if (error) throw toTRPCError(ctx, "notifications.list", error);
    return { items: data, total: count ?? 0, limit: input.limit, offset: input.offset };
  }),

  unreadCount: authedProcedure.query(async ({ ctx }) => {
    const { error, count } = await ctx
      .supabase()
      .from("notifications")
      .select("id", { count: "exact", head: true })
      .is("read_at", null);
    if (error) throw toTRPCError(ctx, "notifications.unreadCount", error);
    return { count: count ?? 0 };
  }),

  // RLS keeps this to the caller's rows and the column grant to read_at; ids of other users'
  // notifications simply match nothing.
  markRead: authedProcedure.input(markReadInput).mutation(async ({ ctx, input }) => {
    let query = ctx
      .supabase()
      .from("notifications")
      .update({ read_at: new Date().toISOString() })
      .is("read_at", null);
    if ("ids" in input) query = query.in("id", input.ids);
    const { data, error } = await query.select("id");
    if (error) throw toTRPCError(ctx, "notifications.markRead", error);
    return { count: data.length, ids: data.map((row) => row.id) };
  }),
} satisfies TRPCRouterRecord;
