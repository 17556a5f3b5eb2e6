import type { JobKind } from "@docket/jobs";
import type { TRPCRouterRecord } from "@trpc/server";
import { toTRPCError } from "../../errors.ts";
import { adminProcedure } from "../../trpc.ts";

type SystemJobKind = Extract<JobKind, "admin__reprocess_all" | "maintenance__cleanup">;

// System-wide work never runs inside a request: each call starts a tracked background job
// (owned by the admin who asked) and returns its id for polling through admin.jobs.
const startSystemJob = (kind: SystemJobKind) =>
  adminProcedure.mutation(async ({ ctx }) => {
    const { data, error } = await ctx.admin.rpc("admin_start_system_job", {
      p_kind: kind,
      p_owner_id: ctx.user.sub,
      p_request_id: ctx.requestId,
    });
    if (error) throw toTRPCError(ctx, `admin.system ${kind}`, error);
    return { jobId: data };
  });

export const adminSystemRouter = {
  reprocessAll: startSystemJob("admin__reprocess_all"),
  cleanup: startSystemJob("maintenance__cleanup"),
} satisfies TRPCRouterRecord;
