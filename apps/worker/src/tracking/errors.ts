/** Thrown at a step boundary when someone asked to cancel the running job. */
export class JobCancelledError extends Error {
  override name = "JobCancelledError";
}

/** Thrown at a step boundary when the worker is shutting down: the job is released for a retry. */
export class WorkerShuttingDownError extends Error {
  override name = "WorkerShuttingDownError";
}

/**
 * A failure no retry can fix (bad document, missing row). The job is marked failed at once and
 * completed in graphile-worker, so it never crash-loops through its attempts.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/**
 * Thrown at the first step boundary of a run that started before its 'running' write answered,
 * when that answer says the attempt should not run (row gone, already finished, cancelled).
 */
export class JobNotStartedError extends Error {
  override name = "JobNotStartedError";
}
