import { notFound, toTRPCError } from "../../errors.ts";
import { adminJobIdInput } from "../../schemas/admin-jobs.ts";
import { adminProcedure } from "../../trpc.ts";

/** One job of any user: payload, attempts, last error, timings, and its owner's e-mail. */
export const adminJobDetail = adminProcedure
  .input(adminJobIdInput)
  .query(async ({ ctx, input }) => {
    const { data: job, error } = await ctx.admin
      .from("jobs")
      .select("*")
      .eq("id", input.jobId)
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "admin.jobs.get", error);
    if (!job) throw notFound("Job");
    const { data: owner, error: ownerError } = await ctx.admin
      .from("profiles")
      .select("email")
      .eq("id", job.owner_id)
      .maybeSingle();
    if (ownerError) throw toTRPCError(ctx, "admin.jobs.get owner", ownerError);
    return { job, ownerEmail: owner?.email ?? null };
  });
