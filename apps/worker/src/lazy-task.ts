import { loadWorkerEnv } from "@docket/env";
import type { Task } from "graphile-worker";
import { configFromEnv } from "./config.ts";
import { createDeps, type WorkerDeps } from "./deps.ts";

let shared: WorkerDeps | null = null;

/**
 * The default export of each task file, for the stock `graphile-worker` CLI, which loads tasks
 * from `src/tasks/` by itself: dependencies come from the environment on the first job. The
 * library runner (src/runner.ts) instead builds tasks with explicit dependencies.
 */
export function lazyTask(factory: (deps: WorkerDeps) => Task): Task {
  let task: Task | null = null;
  return (payload, helpers) => {
    shared ??= createDeps(configFromEnv(loadWorkerEnv()));
    task ??= factory(shared);
    return task(payload, helpers);
  };
}
