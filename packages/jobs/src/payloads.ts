import { z } from "zod";
import type { JobKind } from "./kinds.ts";

// Payloads as graphile-worker stores them. `jobId` is the `public.jobs` row that tracks the run;
// the enqueue SQL function adds it, so callers never choose it themselves.
const jobId = z.uuid();

export const documentProcessPayload = z.object({
  jobId,
  documentId: z.uuid(),
});

export const notificationSendPayload = z.object({
  // Optional: notifications raised by other tasks are sent without a tracked job row.
  jobId: jobId.optional(),
  userId: z.uuid(),
  kind: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  body: z.string().max(5000),
  link: z.string().max(2000).optional(),
  email: z.boolean().optional(),
});

export const adminReprocessAllPayload = z.object({
  jobId,
});

export const maintenanceCleanupPayload = z.object({
  jobId: jobId.optional(),
});

export const jobPayloadSchemas = {
  document__process: documentProcessPayload,
  notification__send: notificationSendPayload,
  admin__reprocess_all: adminReprocessAllPayload,
  maintenance__cleanup: maintenanceCleanupPayload,
} as const satisfies Record<JobKind, z.ZodType>;

export type JobPayloads = { [K in JobKind]: z.infer<(typeof jobPayloadSchemas)[K]> };
export type JobPayload<K extends JobKind> = JobPayloads[K];

/** What a caller supplies when enqueueing: the payload without the tracking `jobId`. */
export type JobInput<K extends JobKind> = Omit<JobPayload<K>, "jobId">;

export type DocumentProcessPayload = JobPayload<"document__process">;
export type NotificationSendPayload = JobPayload<"notification__send">;
export type AdminReprocessAllPayload = JobPayload<"admin__reprocess_all">;
export type MaintenanceCleanupPayload = JobPayload<"maintenance__cleanup">;
