import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import { trackedTask } from "../tracking/tracked-task.ts";

export interface SlowTaskOptions {
  steps: number;
  stepMs: number;
  /** Throw a transient error on these attempts (1-based). */
  failOnAttempts?: number[];
}

/**
 * Stands in for document__process in lifecycle tests: the real tracked lifecycle, the real
 * graphile-worker and database, but a body whose timing the test controls.
 */
export function slowTask(options: SlowTaskOptions) {
  return (deps: WorkerDeps): { document__process: Task } => ({
    document__process: trackedTask(deps, {
      kind: "document__process",
      documentStatus: {
        running: "processing",
        succeeded: "ready",
        failed: "failed",
        queued: "queued",
      },
      async run(_payload, ctx) {
        for (let i = 1; i <= options.steps; i++) {
          await new Promise((resolve) => setTimeout(resolve, options.stepMs));
          if (options.failOnAttempts?.includes(ctx.helpers.job.attempts) && i === 1) {
            throw new Error(`transient failure on attempt ${ctx.helpers.job.attempts}`);
          }
          await ctx.step(Math.floor((i / options.steps) * 90));
        }
        return { result: { pid: process.pid, attempt: ctx.helpers.job.attempts } };
      },
    }),
  });
}
