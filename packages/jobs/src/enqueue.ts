import { z } from "zod";
import type { JobKind } from "./kinds.ts";
import { InvalidJobPayloadError } from "./parse-payload.ts";
import {
  adminReprocessAllPayload,
  documentProcessPayload,
  type JobInput,
  maintenanceCleanupPayload,
  notificationSendPayload,
} from "./payloads.ts";
import { DEFAULT_MAX_ATTEMPTS } from "./statuses.ts";

/** Anything with pg's `query(text, values)` shape: a pg Pool, Client or PoolClient. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const jobInputSchemas = {
  document__process: documentProcessPayload.omit({ jobId: true }),
  notification__send: notificationSendPayload.omit({ jobId: true }),
  admin__reprocess_all: adminReprocessAllPayload.omit({ jobId: true }),
  maintenance__cleanup: maintenanceCleanupPayload.omit({ jobId: true }),
} as const satisfies Record<JobKind, z.ZodType>;

export interface EnqueueJobOptions<K extends JobKind> {
  ownerId: string;
  kind: K;
  input: JobInput<K>;
  documentId?: string | null;
  requestId?: string | null;
  maxAttempts?: number;
}

/**
 * The SQL that enqueues a tracked job: `app_private.enqueue_job` inserts the `public.jobs` row
 * and calls `graphile_worker.add_job` (job_key = the row id) in the caller's transaction, so a
 * row never exists without its queued job or the reverse. Needs a privileged connection: the
 * `app_private` schema is not exposed to API roles.
 */
export const ENQUEUE_JOB_SQL =
  "select app_private.enqueue_job($1::uuid, $2::text, $3::jsonb, $4::uuid, $5::text, $6::int) as id";

/** Enqueues a job over a direct database connection (the worker) and returns its `jobs.id`. */
export async function enqueueJob<K extends JobKind>(
  db: Queryable,
  options: EnqueueJobOptions<K>,
): Promise<string> {
  const parsed = jobInputSchemas[options.kind].safeParse(options.input);
  if (!parsed.success) throw new InvalidJobPayloadError(options.kind, parsed.error.issues);
  const { rows } = await db.query(ENQUEUE_JOB_SQL, [
    options.ownerId,
    options.kind,
    JSON.stringify(parsed.data),
    options.documentId ?? null,
    options.requestId ?? null,
    options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  ]);
  const id = z.object({ id: z.uuid() }).parse(rows[0]).id;
  return id;
}
