// Deciding which worker runs a flow's job. The shared worker can be paused (SIGSTOP) for a few
// seconds: jobs enqueued meanwhile stay queued, or go to a worker the flow starts with settings
// of its own. Between single statements the paused worker holds no row locks, and a worker
// started here never judges it dead (its dead-after bound is longer than any flow).
import { inject } from "vitest";
import { type RunningWorker, startTestWorker } from "../setup/start-worker.ts";

export async function whileSharedWorkerPaused<T>(flow: () => Promise<T>): Promise<T> {
  const { workerPid } = inject("e2e");
  process.kill(workerPid, "SIGSTOP");
  try {
    return await flow();
  } finally {
    process.kill(workerPid, "SIGCONT");
  }
}

/**
 * A worker whose every job-status write waits `stepMs` (its WORKER_STATUS_BATCH_MS): each
 * progress step of a job, and so the whole job, takes that long at least, with the real tasks.
 */
export function startSlowWorker(stepMs: number): Promise<RunningWorker> {
  const { webUrl, smtpUrl } = inject("e2e");
  return startTestWorker(inject("stack"), {
    appUrl: webUrl,
    smtpUrl,
    env: { WORKER_STATUS_BATCH_MS: String(stepMs), WORKER_DEAD_AFTER_MS: "600000" },
  });
}

/** Runs `flow` with the shared worker paused and a slow worker in its place. */
export async function withSlowWorker<T>(stepMs: number, flow: () => Promise<T>): Promise<T> {
  return whileSharedWorkerPaused(async () => {
    const slow = await startSlowWorker(stepMs);
    try {
      return await flow();
    } finally {
      await slow.stop();
    }
  });
}
