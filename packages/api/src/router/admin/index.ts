import type { TRPCRouterRecord } from "@trpc/server";
import { adminAuditRouter } from "./audit.ts";
import { adminJobsRouter } from "./jobs.ts";
import { adminSystemRouter } from "./system.ts";
import { adminUsersRouter } from "./users.ts";

export const adminRouter = {
  users: adminUsersRouter,
  jobs: adminJobsRouter,
  system: adminSystemRouter,
  audit: adminAuditRouter,
} satisfies TRPCRouterRecord;
