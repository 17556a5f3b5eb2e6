import type { JobKind } from "@docket/jobs";
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { toTRPCError } from "../../errors.ts";
import { overviewSchema } from "../../lib/overview.ts";
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
  /** Users, documents and jobs at a glance, plus the depth of the queue. */
  overview: adminProcedure.query(async ({ ctx }) => {
    const { data, error } = await ctx.admin.rpc("admin_overview");
    if (error) throw toTRPCError(ctx, "admin.system.overview", error);
    const parsed = overviewSchema.safeParse(data);
    if (!parsed.success) {
      ctx.logger.error(
        { requestId: ctx.requestId, err: parsed.error.message },
        "admin_overview shape changed",
      );
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal server error" });
    }
    return parsed.data;
  }),

  reprocessAll: startSystemJob("admin__reprocess_all"),
  cleanup: startSystemJob("maintenance__cleanup"),
} satisfies TRPCRouterRecord;
