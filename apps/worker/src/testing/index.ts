// What benchmarks (bench/worker.bench.ts) and tests share: the worker, its tracked lifecycle,
// a PDF generator, worker child processes, and the graphile-worker pieces the baseline needs.
export { enqueueJob, installQueueSchema } from "@docket/jobs";
export { Logger, makeWorkerUtils, run as runGraphileWorker } from "graphile-worker";
export { defaultConfig, type WorkerConfig } from "../config.ts";
export type { WorkerDeps } from "../deps.ts";
export { analyzeDocument } from "../processing/analyze.ts";
export { type DocketWorker, startWorker } from "../runner.ts";
export { trackedTask } from "../tracking/tracked-task.ts";
export { makePdf } from "./make-pdf.ts";
export { slowTask } from "./slow-task.ts";
export { spawnWorker } from "./spawn-worker.ts";
