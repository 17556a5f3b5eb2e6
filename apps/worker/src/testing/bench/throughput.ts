import { Logger, run } from "graphile-worker";
import type { WorkerConfig } from "../../config.ts";
import { poolSizeFor } from "../../preset.ts";
import { startWorker } from "../../runner.ts";
import { trackedTask } from "../../tracking/tracked-task.ts";
import { type BenchContext, holdAll, releaseHeld, silentSink } from "./context.ts";

const silent = new Logger(() => () => {});

function counter(n: number) {
  let done = 0;
  let finish: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { all, tick: () => ++done === n && finish() };
}

/** Bare graphile-worker: no-op jobs, same concurrency and batching as Docket's preset. */
export async function rawJobsPerSecond(
  ctx: BenchContext,
  n: number,
  config: WorkerConfig,
): Promise<number> {
  await ctx.db.query(
    `select graphile_worker.add_jobs(array(
       select row('bench__noop', '{}'::json, null, now() + interval '1 hour', null, null, null, null)::graphile_worker.job_spec
       from generate_series(1, $1)))`,
    [n],
  );
  const { all, tick } = counter(n);
  const runner = await run({
    connectionString: config.databaseUrl,
    concurrency: config.concurrency,
    noHandleSignals: true,
    logger: silent,
    taskList: { bench__noop: async () => void tick() },
    preset: {
      worker: {
        localQueue: { size: config.localQueueSize },
        completeJobBatchDelay: config.completeJobBatchDelayMs,
        failJobBatchDelay: config.failJobBatchDelayMs,
        maxPoolSize: poolSizeFor(config.concurrency),
      },
    },
  });
  const began = performance.now();
  await releaseHeld(ctx.db, "bench__noop", n);
  await all;
  const seconds = (performance.now() - began) / 1000;
  await runner.stop();
  return n / seconds;
}

/** Docket's tracked pipeline for a trivial job: jobs row running → succeeded, batched. */
export async function trackedJobsPerSecond(
  ctx: BenchContext,
  n: number,
  config: WorkerConfig,
): Promise<{ perSecond: number; statusRoundTrips: number; avgRoundTripMs: number }> {
  await ctx.db.query(
    `select app_private.enqueue_job($1, 'document__process', jsonb_build_object('documentId', gen_random_uuid()))
     from generate_series(1, $2)`,
    [ctx.owner, n],
  );
  await holdAll(ctx.db, "document__process");
  const { all, tick } = counter(n);
  const worker = await startWorker(config, {
    handleSignals: false,
    noCron: true,
    sink: silentSink,
    extraTasks: (deps) => {
      // A no-op changes nothing before a step it never reaches: pure, as a real task declares.
      const inner = trackedTask(deps, {
        kind: "document__process",
        pureUntilFirstStep: true,
        run: async () => ({}),
      });
      return {
        document__process: async (payload, helpers) => {
          await inner(payload, helpers);
          tick();
        },
      };
    },
  });
  const before = worker.deps.status.flushes;
  const beforeMs = worker.deps.status.roundTripMs;
  const began = performance.now();
  await releaseHeld(ctx.db, "document__process", n);
  await all;
  const seconds = (performance.now() - began) / 1000;
  const statusRoundTrips = worker.deps.status.flushes - before;
  const avgRoundTripMs = (worker.deps.status.roundTripMs - beforeMs) / statusRoundTrips;
  await worker.stop();
  // Each run starts from the same table size, so later runs do not pay for earlier ones' rows.
  await ctx.db.query("delete from public.jobs where owner_id = $1", [ctx.owner]);
  await ctx.db.query("vacuum analyze public.jobs");
  return { perSecond: n / seconds, statusRoundTrips, avgRoundTripMs };
}
