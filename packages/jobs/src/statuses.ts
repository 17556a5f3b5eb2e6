// Status vocabularies shared by the database check constraints, the API and the worker.
// Keep them in step with supabase/migrations (the check constraints are the final word).

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses after which a job never runs again unless someone retries it. */
export const FINISHED_JOB_STATUSES = [
  "succeeded",
  "failed",
  "cancelled",
] as const satisfies readonly JobStatus[];

export const DOCUMENT_STATUSES = ["queued", "processing", "ready", "failed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const OUTPUT_KINDS = ["summary", "markdown", "entities_csv", "stats_json"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** Default graphile-worker attempts for a job row (the `jobs.max_attempts` column default). */
export const DEFAULT_MAX_ATTEMPTS = 5;
