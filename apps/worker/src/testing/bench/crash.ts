import { enqueueJob } from "@docket/jobs";
import type { WorkerConfig } from "../../config.ts";
import { startWorker } from "../../runner.ts";
import { trackedTask } from "../../tracking/tracked-task.ts";
import { spawnWorker } from "../spawn-worker.ts";
import { type BenchContext, silentSink } from "./context.ts";

export interface CrashResult {
  jobs: number;
  runningAtKill: number;
  recoveredMs: number;
  lost: number;
  duplicated: number;
}

/**
 * SIGKILL a worker process that holds running (and locally queued) jobs, then time how long a
 * surviving worker with the default heartbeat settings takes to finish all of them; count jobs
 * never finished (lost) and jobs the survivor ran more than once (duplicated).
 */
export async function sigkillRecovery(
  ctx: BenchContext,
  jobs: number,
  config: WorkerConfig,
): Promise<CrashResult> {
  // Fewer slots than jobs: the victim holds some jobs running and the rest in its local queue.
  const child = await spawnWorker({ ...config, concurrency: 8 }, { steps: 10_000, stepMs: 50 });
  const ids: string[] = [];
  for (let i = 0; i < jobs; i++) {
    ids.push(
      await enqueueJob(ctx.db, {
        ownerId: ctx.owner,
        kind: "document__process",
        input: { documentId: crypto.randomUUID() },
      }),
    );
  }
  const running = async () =>
    (
      await ctx.db.query<{ n: number }>(
        "select count(*)::int as n from public.jobs where id = any($1) and status = 'running'",
        [ids],
      )
    ).rows[0]?.n ?? 0;
  const deadline = Date.now() + 30_000;
  while ((await running()) < Math.min(jobs, 8) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const runningAtKill = await running();
  child.kill("SIGKILL");
  const killedAt = performance.now();

  const runs = new Map<string, number>();
  const survivor = await startWorker(config, {
    handleSignals: false,
    noCron: true,
    sink: silentSink,
    extraTasks: (deps) => ({
      document__process: trackedTask(deps, {
        kind: "document__process",
        run: async (_payload, c) => {
          runs.set(c.jobId, (runs.get(c.jobId) ?? 0) + 1);
          return {};
        },
      }),
    }),
  });
  let recoveredMs = Number.NaN;
  const giveUp = performance.now() + 90_000;
  for (;;) {
    const { rows } = await ctx.db.query<{ n: number }>(
      "select count(*)::int as n from public.jobs where id = any($1) and status = 'succeeded'",
      [ids],
    );
    if ((rows[0]?.n ?? 0) === jobs) {
      recoveredMs = performance.now() - killedAt;
      break;
    }
    if (performance.now() > giveUp) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await survivor.stop();
  const { rows } = await ctx.db.query<{ n: number }>(
    "select count(*)::int as n from public.jobs where id = any($1) and status <> 'succeeded'",
    [ids],
  );
  return {
    jobs,
    runningAtKill,
    recoveredMs,
    lost: rows[0]?.n ?? jobs,
    duplicated: [...runs.values()].filter((n) => n > 1).length,
  };
}
