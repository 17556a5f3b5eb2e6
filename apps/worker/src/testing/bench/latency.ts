import { enqueueJob } from "@docket/jobs";
import type { WorkerConfig } from "../../config.ts";
import { startWorker } from "../../runner.ts";
import { trackedTask } from "../../tracking/tracked-task.ts";
import { type BenchContext, percentile, silentSink } from "./context.ts";

export interface Latency {
  p50: number;
  p95: number;
}

/**
 * Enqueue → running, one job at a time on an idle worker: from just before the enqueue query to
 * the moment the task body starts (for Docket, after its `running` status write was confirmed).
 * Bare graphile-worker (add_job → no-op task start) is measured on the same runner.
 */
export async function enqueueToRunning(
  ctx: BenchContext,
  samples: number,
  config: WorkerConfig,
): Promise<{ docket: Latency; raw: Latency }> {
  const waiting = new Map<string, (at: number) => void>();
  const started = (key: string) => waiting.get(key)?.(performance.now());
  const worker = await startWorker(config, {
    handleSignals: false,
    noCron: true,
    sink: silentSink,
    extraTasks: (deps) => ({
      document__process: trackedTask(deps, {
        kind: "document__process",
        run: async ({ documentId }) => {
          started(documentId);
          return {};
        },
      }),
      bench__latency: async (payload) => started((payload as { key: string }).key),
    }),
  });
  const measure = async (enqueue: (key: string) => Promise<unknown>) => {
    const values: number[] = [];
    for (let i = 0; i < samples; i++) {
      const key = crypto.randomUUID();
      const ran = new Promise<number>((resolve) => waiting.set(key, resolve));
      const timeout = new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error("job did not start within 10 s")), 10_000).unref(),
      );
      const began = performance.now();
      await enqueue(key);
      values.push((await Promise.race([ran, timeout])) - began);
      waiting.delete(key);
    }
    return { p50: percentile(values, 50), p95: percentile(values, 95) };
  };
  try {
    const raw = await measure((key) =>
      ctx.db.query(
        "select graphile_worker.add_job('bench__latency', json_build_object('key', $1::text))",
        [key],
      ),
    );
    const docket = await measure((documentId) =>
      enqueueJob(ctx.db, { ownerId: ctx.owner, kind: "document__process", input: { documentId } }),
    );
    return { docket, raw };
  } finally {
    await worker.stop();
  }
}
