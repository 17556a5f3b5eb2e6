// Shapes of the admin API as the browser sees them, inferred from the router type (no server
// code is imported).
import type { AppRouter } from "@docket/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

export type JobListInput = Inputs["admin"]["jobs"]["list"];
export type AuditListInput = Inputs["admin"]["audit"]["list"];
export type JobRow = Outputs["admin"]["jobs"]["list"]["items"][number];
export type AuditRow = Outputs["admin"]["audit"]["list"]["items"][number];
export type AdminUser = Outputs["admin"]["users"]["list"]["items"][number];
export type JobStats = Outputs["admin"]["jobs"]["stats"];
export type Overview = Outputs["admin"]["system"]["overview"];

export type JobStatus = NonNullable<JobListInput["status"]>;
export type JobKind = NonNullable<JobListInput["kind"]>;

export const JOB_STATUSES = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
] as const satisfies readonly JobStatus[];

export const JOB_KINDS = [
  "document__process",
  "notification__send",
  "admin__reprocess_all",
  "maintenance__cleanup",
] as const satisfies readonly JobKind[];

// Fails to compile when the API gains a status or kind these lists do not have.
type Missing =
  | Exclude<JobStatus, (typeof JOB_STATUSES)[number]>
  | Exclude<JobKind, (typeof JOB_KINDS)[number]>;
export const listsAreComplete: [Missing] extends [never] ? true : never = true;
