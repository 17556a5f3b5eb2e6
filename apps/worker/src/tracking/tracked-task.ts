import {
  InvalidJobPayloadError,
  type JobKind,
  type JobPayload,
  parseJobPayload,
} from "@docket/jobs";
import type { JobHelpers, Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import type { Log } from "../log.ts";
import { DocumentError } from "../processing/errors.ts";
import {
  JobCancelledError,
  JobNotStartedError,
  PermanentJobError,
  WorkerShuttingDownError,
} from "./errors.ts";
import { JobNotFoundError, type JobPatch, type JobRowState } from "./status-writer.ts";
import { runUntracked } from "./untracked.ts";

type DocumentStatus = NonNullable<JobPatch["document_status"]>;

export interface RunContext {
  /** The public.jobs row id. */
  jobId: string;
  requestId: string | null;
  /** Previously saved result of this job (a retry resumes from it). Pure runs: after a step. */
  previousResult: unknown;
  log: Log;
  helpers: JobHelpers;
  /** A step boundary: saves progress and stops here if cancel was requested or we shut down. */
  step(progress: number, result?: unknown): Promise<void>;
  /** Whom the end-of-job notice goes to, once the task knows (e.g. the document's owner). */
  subject: Subject | null;
}

export interface Subject {
  userId: string;
  title: string;
}

export interface Outcome {
  result?: unknown;
}

export interface Notice {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export interface TrackedTaskSpec<K extends JobKind> {
  kind: K;
  run(payload: JobPayload<K>, ctx: RunContext): Promise<Outcome>;
  /** Document status to mirror at each job status (document__process only). */
  documentStatus?: Partial<
    Record<"running" | "succeeded" | "failed" | "cancelled" | "queued", DocumentStatus>
  >;
  /**
   * run() changes nothing outside the job before its first ctx.step() and reads neither
   * requestId nor previousResult before then. It may then start while the 'running' write is
   * still on its way (that first step waits for the answer), and a run that ends before the
   * write has left sends its end in the same call.
   */
  pureUntilFirstStep?: boolean;
  /** Who to tell when the job ends for good, and what. */
  notify?(
    payload: JobPayload<K>,
    end: { status: "succeeded" | "failed"; error?: string },
    subject: Subject,
  ): Notice | null;
}

/**
 * The lifecycle every tracked job shares: validate the payload, mark running, run with step
 * boundaries, then write succeeded / failed / cancelled (or queued again while retries remain).
 * Invalid payloads and permanent errors complete the graphile-worker job after recording the
 * failure, so they are never retried; transient errors are rethrown for graphile-worker's backoff.
 */
export function trackedTask<K extends JobKind>(deps: WorkerDeps, spec: TrackedTaskSpec<K>): Task {
  return async (raw, helpers) => {
    const attempts = helpers.job.attempts;
    let payload: JobPayload<K>;
    try {
      payload = parseJobPayload(spec.kind, raw);
    } catch (error) {
      if (!(error instanceof InvalidJobPayloadError)) throw error;
      const jobId = jobIdOf(raw);
      deps.log.error("invalid payload, failing without retry", {
        kind: spec.kind,
        jobId,
        error: error.message,
      });
      if (jobId)
        await deps.status
          .update({ id: jobId, status: "failed", attempts, last_error: error.message })
          .catch(() => {});
      return;
    }
    const jobId = payload.jobId;
    if (!jobId) return runUntracked(deps, spec, payload, helpers);
    const doc = (at: keyof NonNullable<typeof spec.documentStatus>) =>
      spec.documentStatus?.[at] ? { document_status: spec.documentStatus[at] } : {};
    const eager = spec.pureUntilFirstStep === true;
    const fields = { jobId, kind: spec.kind, attempt: attempts };

    let startRow: JobRowState | null = null;
    const verdict = deps.status
      .update({ id: jobId, status: "running", attempts, progress: 0, ...doc("running") })
      .then(
        (row) => {
          startRow = row;
          return verdictOf(row);
        },
        (error: unknown) => {
          // The row is gone (its document was deleted): there is nothing left to do or to report.
          if (error instanceof JobNotFoundError) return "gone" as const;
          throw error;
        },
      );
    const known = (): JobRowState => {
      if (!startRow) throw new Error("requestId and previousResult are known from the first step");
      return startRow;
    };
    const ctx: RunContext = {
      jobId,
      get requestId() {
        return known().request_id;
      },
      get previousResult() {
        return known().result;
      },
      log: deps.log.child(fields),
      helpers,
      subject: null,
      async step(progress, result) {
        if ((await verdict) !== "go") throw new JobNotStartedError();
        const row = await deps.status.update({
          id: jobId,
          progress,
          ...(result === undefined ? {} : { result }),
        });
        if (row.cancel_requested_at || row.status === "cancelled")
          throw new JobCancelledError("Cancelled on request");
        if (helpers.abortSignal.aborted)
          throw new WorkerShuttingDownError("Worker shutting down; the job will run again");
      },
    };
    verdict.then(
      (answer) => {
        if (startRow) ctx.log = deps.log.child({ ...fields, requestId: startRow.request_id });
        if (answer === "go") ctx.log.info("job started");
      },
      () => {},
    );
    /** Whether the start write let this attempt run; if not, records why and says no. */
    const proceed = async (): Promise<boolean> => {
      const answer = await verdict;
      if (answer === "go") return true;
      if (answer === "gone")
        deps.log.warn("job row no longer exists, dropping the job", { jobId, kind: spec.kind });
      else if (answer === "finished")
        ctx.log.info("job already finished, skipping", { status: startRow?.status });
      else {
        await deps.status.update({ id: jobId, status: "cancelled", ...doc("cancelled") });
        ctx.log.info("cancelled before it started");
      }
      return false;
    };
    /** The end write: in the start's call when that has not left yet (pure runs only). */
    const end = async (patch: JobPatch): Promise<boolean> => {
      const chained = eager ? deps.status.endWithStart(patch) : null;
      // Not awaited when the start says no (its end did not apply either).
      chained?.catch(() => {});
      if (!(await proceed())) return false;
      await (chained ?? deps.status.update(patch));
      return true;
    };

    if (!eager && !(await proceed())) return;
    try {
      const outcome = await spec.run(payload, ctx);
      const ended = await end({
        id: jobId,
        status: "succeeded",
        progress: 100,
        clear_error: true,
        result: outcome.result ?? null,
        ...doc("succeeded"),
      });
      if (!ended) return;
      ctx.log.info("job succeeded");
      await notify(spec, payload, { status: "succeeded" }, ctx, helpers);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof JobNotStartedError) {
        await proceed();
        return;
      }
      if (error instanceof JobNotFoundError) {
        ctx.log.warn("job row was deleted while running; dropping the job");
        return;
      }
      if (error instanceof JobCancelledError) {
        await deps.status.update({ id: jobId, status: "cancelled", ...doc("cancelled") });
        ctx.log.info("job cancelled at a step boundary");
        return;
      }
      const permanent = error instanceof DocumentError || error instanceof PermanentJobError;
      const final = permanent || attempts >= helpers.job.max_attempts;
      const ended = await end(
        final
          ? { id: jobId, status: "failed", last_error: message, ...doc("failed") }
          : { id: jobId, status: "queued", last_error: message, ...doc("queued") },
      );
      if (!ended) return;
      if (final) {
        ctx.log.error("job failed", { error: message, permanent });
        await notify(spec, payload, { status: "failed", error: message }, ctx, helpers);
      } else {
        ctx.log.warn("attempt failed; graphile-worker will retry", { error: message });
      }
      if (!permanent) throw error;
    }
  };
}

type Verdict = "go" | "gone" | "finished" | "cancel";

function verdictOf(row: JobRowState): Verdict {
  if (!row.applied) return "finished";
  if (row.cancel_requested_at) return "cancel";
  return "go";
}

async function notify<K extends JobKind>(
  spec: TrackedTaskSpec<K>,
  payload: JobPayload<K>,
  end: { status: "succeeded" | "failed"; error?: string },
  ctx: RunContext,
  helpers: JobHelpers,
): Promise<void> {
  if (!ctx.subject) return;
  const notice = spec.notify?.(payload, end, ctx.subject);
  if (!notice) return;
  // The job key makes a re-run of this job replace, not duplicate, its notification.
  await helpers.addJob(
    "notification__send",
    { ...notice, email: true },
    { jobKey: `notify:${ctx.jobId}`, maxAttempts: 5 },
  );
}

function jobIdOf(raw: unknown): string | null {
  if (raw === null || typeof raw !== "object" || !("jobId" in raw)) return null;
  const { jobId } = raw as { jobId: unknown };
  return typeof jobId === "string" && /^[0-9a-f-]{36}$/i.test(jobId) ? jobId : null;
}
