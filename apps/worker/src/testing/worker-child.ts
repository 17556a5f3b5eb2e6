// A worker in its own process, so a test (or benchmark) can SIGKILL it mid-job.
// argv[2]: JSON {config: Partial<WorkerConfig> & connection, slow?: SlowTaskOptions}.
import { defaultConfig } from "../config.ts";
import { startWorker } from "../runner.ts";
import { slowTask } from "./slow-task.ts";

const { config, slow } = JSON.parse(process.argv[2] ?? "{}");
const worker = await startWorker(defaultConfig(config), {
  noCron: true,
  sink: (line) => process.stderr.write(`${line}\n`),
  ...(slow ? { extraTasks: slowTask(slow) } : {}),
});
process.stdout.write("ready\n");
await worker.done;
