import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { WorkerConfig } from "../config.ts";
import type { SlowTaskOptions } from "./slow-task.ts";

const script = fileURLToPath(new URL("./worker-child.ts", import.meta.url));

/** Spawns a worker process and resolves once it is taking jobs. */
export async function spawnWorker(
  config: Partial<WorkerConfig>,
  slow?: SlowTaskOptions,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, JSON.stringify({ config, slow })], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.resume();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("worker child did not start in 20 s")), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`worker child exited early (${code})`)));
  });
  return child;
}
