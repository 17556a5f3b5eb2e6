// Process entry: `pnpm --filter @docket/worker dev` (local) or `node src/main.ts` (deployed).
// graphile-worker installs the SIGTERM/SIGINT handlers: it stops fetching, lets running jobs
// reach their next step boundary (or finish), returns unstarted locally-queued jobs, then exits.
import { loadWorkerEnv } from "@docket/env";
import { configFromEnv } from "./config.ts";
import { startWorker } from "./runner.ts";

const worker = await startWorker(configFromEnv(loadWorkerEnv()));
await worker.done;
worker.deps.log.info("worker stopped");
