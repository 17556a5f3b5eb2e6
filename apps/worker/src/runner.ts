import { readFile } from "node:fs/promises";
import { type Runner, run, type TaskList } from "graphile-worker";
import type { WorkerConfig } from "./config.ts";
import { createDeps, type WorkerDeps } from "./deps.ts";
import type { Sink } from "./log.ts";
import { CRONTAB_FILE, workerPreset } from "./preset.ts";
import { createTaskList } from "./task-list.ts";

export interface StartOptions {
  /** Log sink (default stdout). */
  sink?: Sink;
  /** Replace or add tasks (benchmarks add a no-op). */
  extraTasks?: (deps: WorkerDeps) => TaskList;
  /** Let graphile-worker handle SIGINT/SIGTERM (default true; tests turn it off). */
  handleSignals?: boolean;
  /** Skip the crontab (tests). */
  noCron?: boolean;
}

export interface DocketWorker {
  runner: Runner;
  deps: WorkerDeps;
  /** Graceful: stop taking jobs, let running ones finish (or abort after the timeout), flush. */
  stop(): Promise<void>;
  /** Resolves when the runner has stopped (signal or stop()) and status writes are flushed. */
  done: Promise<void>;
}

/** Starts graphile-worker through its library `run()` with Docket's preset and tasks. */
export async function startWorker(
  config: WorkerConfig,
  options: StartOptions = {},
): Promise<DocketWorker> {
  const deps = createDeps(config, options.sink);
  const taskList = { ...createTaskList(deps), ...options.extraTasks?.(deps) };
  const crontab = options.noCron ? "" : await readFile(CRONTAB_FILE, "utf8");
  const runner = await run({
    preset: workerPreset(config, deps.log),
    taskList,
    crontab,
    noHandleSignals: options.handleSignals === false,
  });
  deps.log.info("worker started", {
    concurrency: config.concurrency,
    localQueue: config.localQueueSize,
  });
  const done = runner.promise.finally(() => deps.close());
  return {
    runner,
    deps,
    done,
    async stop() {
      await runner.stop();
      await done;
    },
  };
}
