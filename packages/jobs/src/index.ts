export {
  ENQUEUE_JOB_SQL,
  type EnqueueJobOptions,
  enqueueJob,
  type Queryable,
} from "./enqueue.ts";
export { type InstallQueueSchemaOptions, installQueueSchema } from "./install-queue-schema.ts";
export { isJobKind, JOB_KINDS, type JobKind } from "./kinds.ts";
export { InvalidJobPayloadError, parseAnyJobPayload, parseJobPayload } from "./parse-payload.ts";
export {
  type AdminReprocessAllPayload,
  adminReprocessAllPayload,
  type DocumentProcessPayload,
  documentProcessPayload,
  type JobInput,
  type JobPayload,
  type JobPayloads,
  jobPayloadSchemas,
  type MaintenanceCleanupPayload,
  maintenanceCleanupPayload,
  type NotificationSendPayload,
  notificationSendPayload,
} from "./payloads.ts";
export {
  DEFAULT_MAX_ATTEMPTS,
  DOCUMENT_STATUSES,
  type DocumentStatus,
  FINISHED_JOB_STATUSES,
  JOB_STATUSES,
  type JobStatus,
  OUTPUT_KINDS,
  type OutputKind,
} from "./statuses.ts";
