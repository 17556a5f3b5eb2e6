import type { TRPCRouterRecord } from "@trpc/server";
import { toTRPCError } from "../../errors.ts";
import { summarizeJobStats } from "../../lib/job-stats.ts";
import {
  adminJobIdInput,
  adminListJobsInput,
  completeJobsInput,
  jobStatsInput,
  permanentlyFailJobsInput,
  rescheduleJobsInput,
  retryFailedInput,
} from "../../schemas/admin-jobs.ts";
import { adminProcedure } from "../../trpc.ts";
import { adminJobDetail } from "./job-detail.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Which of the requested ids graphile-worker acted on, and which it skipped (locked/gone). */
function affected(requested: string[], rows: { id: string }[]) {
  const done = new Set(rows.map((row) => row.id));
  return {
    count: done.size,
    affectedIds: [...done],
    skippedIds: requested.filter((id) => !done.has(id)),
    jobs: rows,
  };
}

export const adminJobsRouter = {
  get: adminJobDetail,
  list: adminProcedure.input(adminListJobsInput).query(async ({ ctx, input }) => {
    let query = ctx.admin
      .from("jobs")
      .select("*", { count: "exact" })
      .order("created_at", { ascending: false })
      .order("id", { ascending: false })
      .range(input.offset, input.offset + input.limit - 1);
    if (input.status) query = query.eq("status", input.status);
    if (input.kind) query = query.eq("kind", input.kind);
    if (input.ownerId) query = query.eq("owner_id", input.ownerId);
    if (input.documentId) query = query.eq("document_id", input.documentId);
    if (input.since) query = query.gte("created_at", input.since);
    if (input.until) query = query.lt("created_at", input.until);
    const { data, error, count } = await query;
    if (error) throw toTRPCError(ctx, "admin.jobs.list", error);
    return { items: data, total: count ?? 0, limit: input.limit, offset: input.offset };
  }),

  stats: adminProcedure.input(jobStatsInput).query(async ({ ctx, input }) => {
    const until = input.until ?? new Date().toISOString();
    const since = input.since ?? new Date(Date.parse(until) - DAY_MS).toISOString();
    const { data, error } = await ctx.admin.rpc("admin_job_stats", {
      p_since: since,
      p_until: until,
    });
    if (error) throw toTRPCError(ctx, "admin.jobs.stats", error);
    return { since, until, ...summarizeJobStats(data) };
  }),

  retry: adminProcedure.input(adminJobIdInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.admin.rpc("retry_job", { p_job_id: input.jobId });
    if (error) throw toTRPCError(ctx, "admin.jobs.retry", error);
    return data;
  }),

  cancel: adminProcedure.input(adminJobIdInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.admin.rpc("cancel_job", { p_job_id: input.jobId });
    if (error) throw toTRPCError(ctx, "admin.jobs.cancel", error);
    return data;
  }),

  retryFailed: adminProcedure.input(retryFailedInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.admin.rpc("admin_retry_failed_jobs", {
      ...(input.kind ? { p_kind: input.kind } : {}),
      ...(input.ownerId ? { p_owner_id: input.ownerId } : {}),
      p_limit: input.limit,
    });
    if (error) throw toTRPCError(ctx, "admin.jobs.retryFailed", error);
    return { count: data.length, affectedIds: data.map((job) => job.id) };
  }),

  complete: adminProcedure.input(completeJobsInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.admin.rpc("admin_complete_jobs", { p_job_ids: input.jobIds });
    if (error) throw toTRPCError(ctx, "admin.jobs.complete", error);
    return affected(input.jobIds, data);
  }),

  permanentlyFail: adminProcedure
    .input(permanentlyFailJobsInput)
    .mutation(async ({ ctx, input }) => {
      const { data, error } = await ctx.admin.rpc("admin_permanently_fail_jobs", {
        p_job_ids: input.jobIds,
        ...(input.reason ? { p_error_message: input.reason } : {}),
      });
      if (error) throw toTRPCError(ctx, "admin.jobs.permanentlyFail", error);
      return affected(input.jobIds, data);
    }),

  reschedule: adminProcedure.input(rescheduleJobsInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx.admin.rpc("admin_reschedule_jobs", {
      p_job_ids: input.jobIds,
      ...(input.runAt ? { p_run_at: input.runAt } : {}),
      ...(input.priority !== undefined ? { p_priority: input.priority } : {}),
      ...(input.attempts !== undefined ? { p_attempts: input.attempts } : {}),
      ...(input.maxAttempts !== undefined ? { p_max_attempts: input.maxAttempts } : {}),
    });
    if (error) throw toTRPCError(ctx, "admin.jobs.reschedule", error);
    return affected(input.jobIds, data);
  }),
} satisfies TRPCRouterRecord;
