import { fileURLToPath } from "node:url";
import { WorkerPreset } from "graphile-worker";
import type { WorkerConfig } from "./config.ts";
import { heartbeatPlugin } from "./heartbeat/plugin.ts";
import { graphileLogger, type Log } from "./log.ts";

export const TASK_DIRECTORY = fileURLToPath(new URL("./tasks", import.meta.url));
export const CRONTAB_FILE = fileURLToPath(new URL("../crontab", import.meta.url));

/**
 * Tasks talk to Supabase over HTTP; graphile-worker's pool serves fetches, completions, LISTEN
 * and the heartbeat, so it need not grow with concurrency beyond a point.
 */
export function poolSizeFor(concurrency: number): number {
  return Math.min(20, Math.max(10, concurrency + 2));
}

/**
 * The one graphile-worker configuration, shared by the library runner and the stock CLI
 * (graphile.config.ts): connection, concurrency, batching (local queue + batched completion and
 * failure), signal handling and the heartbeat plugin.
 */
export function workerPreset(config: WorkerConfig, log: Log): GraphileConfig.Preset {
  return {
    extends: [WorkerPreset],
    plugins: [
      heartbeatPlugin({
        intervalMs: config.heartbeatIntervalMs,
        deadAfterMs: config.deadAfterMs,
        log,
      }),
    ],
    worker: {
      connectionString: config.databaseUrl,
      schema: "graphile_worker",
      concurrentJobs: config.concurrency,
      maxPoolSize: poolSizeFor(config.concurrency),
      pollInterval: config.pollIntervalMs,
      ...(config.localQueueSize > 1 ? { localQueue: { size: config.localQueueSize } } : {}),
      completeJobBatchDelay: config.completeJobBatchDelayMs,
      failJobBatchDelay: config.failJobBatchDelayMs,
      gracefulShutdownAbortTimeout: config.shutdownTimeoutMs,
      taskDirectory: TASK_DIRECTORY,
      crontabFile: CRONTAB_FILE,
      fileExtensions: [".ts", ".js"],
      logger: graphileLogger(log),
    },
  };
}
