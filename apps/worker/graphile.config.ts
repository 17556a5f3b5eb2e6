// Read by the stock `graphile-worker` CLI (run it from apps/worker), so ops use the very same
// tasks, crontab, batching and heartbeat as `src/main.ts`:
//   npx graphile-worker --once | --watch | --schema-only | --cleanup GC_JOB_QUEUES
import { loadWorkerEnv } from "@docket/env";
import { configFromEnv } from "./src/config.ts";
import { createLog } from "./src/log.ts";
import { workerPreset } from "./src/preset.ts";

const config = configFromEnv(loadWorkerEnv());

export default workerPreset(config, createLog(config.logLevel));
