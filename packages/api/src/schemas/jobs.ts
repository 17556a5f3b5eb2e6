import { JOB_KINDS, JOB_STATUSES } from "@docket/jobs";
import { z } from "zod";
import { id, pagination } from "./common.ts";

export const listJobsInput = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.enum(JOB_KINDS).optional(),
  documentId: id.optional(),
  ...pagination,
});

export const jobIdInput = z.object({ id });
