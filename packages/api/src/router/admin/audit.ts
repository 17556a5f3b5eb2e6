import type { TRPCRouterRecord } from "@trpc/server";
import { toTRPCError } from "../../errors.ts";
import { listAuditInput } from "../../schemas/admin-audit.ts";
import { adminProcedure } from "../../trpc.ts";

export const adminAuditRouter = {
  list: adminProcedure.input(listAuditInput).query(async ({ ctx, input }) => {
    let query = ctx.admin
      .from("audit_log")
      .select("*", { count: "exact" })
      .order("created_at", { ascending: false })
      .order("id", { ascending: false })
      .range(input.offset, input.offset + input.limit - 1);
    if (input.actorId) query = query.eq("actor_id", input.actorId);
    if (input.action) query = query.eq("action", input.action);
    if (input.targetType) query = query.eq("target_type", input.targetType);
    if (input.targetId) query = query.eq("target_id", input.targetId);
    if (input.since) query = query.gte("created_at", input.since);
    if (input.until) query = query.lt("created_at", input.until);
    const { data, error, count } = await query;
    if (error) throw toTRPCError(ctx, "admin.audit.list", error);
    return { items: data, total: count ?? 0, limit: input.limit, offset: input.offset };
  }),
} satisfies TRPCRouterRecord;
