import { JOB_KINDS, JOB_STATUSES } from "@docket/jobs";
import { z } from "zod";
import { id, isoDateTime, pagination } from "./common.ts";

export const adminListJobsInput = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.enum(JOB_KINDS).optional(),
  ownerId: id.optional(),
  documentId: id.optional(),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
  ...pagination,
});

export const jobStatsInput = z.object({
  /** Start of the window; default 24 hours ago. At most 31 days wide. */
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
});

export const adminJobIdInput = z.object({ jobId: id });

export const retryFailedInput = z.object({
  kind: z.enum(JOB_KINDS).optional(),
  ownerId: id.optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

const jobIds = z.array(id).min(1).max(500);

export const completeJobsInput = z.object({ jobIds });

export const permanentlyFailJobsInput = z.object({
  jobIds,
  reason: z.string().trim().max(1000).optional(),
});

export const rescheduleJobsInput = z
  .object({
    jobIds,
    runAt: isoDateTime.optional(),
    priority: z.number().int().min(-1000).max(1000).optional(),
    attempts: z.number().int().min(0).max(25).optional(),
    maxAttempts: z.number().int().min(1).max(25).optional(),
  })
  .refine(
    (input) =>
      [input.runAt, input.priority, input.attempts, input.maxAttempts].some((v) => v !== undefined),
    { message: "Change at least one of runAt, priority, attempts, maxAttempts" },
  );
