import type { JobKind, JobPayload } from "@docket/jobs";
import type { JobHelpers } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import { DocumentError } from "../processing/errors.ts";
import { PermanentJobError, WorkerShuttingDownError } from "./errors.ts";
import type { RunContext, TrackedTaskSpec } from "./tracked-task.ts";

/** Jobs without a jobs row (cron runs, notices raised by other tasks): same steps, no status. */
export async function runUntracked<K extends JobKind>(
  deps: WorkerDeps,
  spec: TrackedTaskSpec<K>,
  payload: JobPayload<K>,
  helpers: JobHelpers,
): Promise<void> {
  const log = deps.log.child({
    kind: spec.kind,
    graphileJobId: helpers.job.id,
    attempt: helpers.job.attempts,
  });
  const ctx: RunContext = {
    jobId: "",
    requestId: null,
    previousResult: null,
    log,
    helpers,
    subject: null,
    async step() {
      if (helpers.abortSignal.aborted)
        throw new WorkerShuttingDownError("Worker shutting down; the job will run again");
    },
  };
  try {
    await spec.run(payload, ctx);
    log.info("job succeeded");
  } catch (error) {
    if (error instanceof DocumentError || error instanceof PermanentJobError) {
      log.error("job failed permanently", { error: error.message });
      return;
    }
    throw error;
  }
}
