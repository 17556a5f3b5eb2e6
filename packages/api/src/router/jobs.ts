import type { TRPCRouterRecord } from "@trpc/server";
import { notFound, toTRPCError } from "../errors.ts";
import { jobIdInput, listJobsInput } from "../schemas/jobs.ts";
import { authedProcedure } from "../trpc.ts";

// The caller's own jobs: RLS limits every read to them, and retry/cancel are SQL functions
// that check ownership and state themselves (PT404 / PT409 become 404 / 409).
export const jobsRouter = {
  list: authedProcedure.input(listJobsInput).query(async ({ ctx, input }) => {
    let query = ctx
      .supabase()
      .from("jobs")
      .select("*", { count: "exact" })
      .order("created_at", { ascending: false })
      .order("id", { ascending: false })
      .range(input.offset, input.offset + input.limit - 1);
    if (input.status) query = query.eq("status", input.status);
    if (input.kind) query = query.eq("kind", input.kind);
    if (input.documentId) query = query.eq("document_id", input.documentId);
    const { data, error, count } = await query;
    if (error) throw toTRPCError(ctx, "jobs.list", error);
    return { items: data, total: count ?? 0, limit: input.limit, offset: input.offset };
  }),

  get: authedProcedure.input(jobIdInput).query(async ({ ctx, input }) => {
    const { data, error } = await ctx
      .supabase()
      .from("jobs")
      .select("*")
      .eq("id", input.id)
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "jobs.get", error);
    if (!data) throw notFound("Job");
    return data;
  }),

  retry: authedProcedure.input(jobIdInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.supabase().rpc("retry_job", { p_job_id: input.id });
    if (error) throw toTRPCError(ctx, "jobs.retry", error);
    return data;
  }),

  cancel: authedProcedure.input(jobIdInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.supabase().rpc("cancel_job", { p_job_id: input.id });
    if (error) throw toTRPCError(ctx, "jobs.cancel", error);
    return data;
  }),
} satisfies TRPCRouterRecord;
