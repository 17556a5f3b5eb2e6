// The real worker as its own process (apps/worker/src/main.ts), configured through its
// environment exactly as in a deployment, against the test stack.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { StackInfo } from "@docket/supabase-local/testing";

const WORKER_DIR = fileURLToPath(new URL("../../apps/worker/", import.meta.url));

export interface RunningWorker {
  pid: number;
  stop(): Promise<void>;
}

export interface TestWorkerOptions {
  appUrl: string;
  smtpUrl: string;
  /** More of the worker's own settings (packages/env/src/worker.ts), e.g. to slow its steps. */
  env?: Record<string, string>;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startTestWorker(
  stack: StackInfo,
  options: TestWorkerOptions,
): Promise<RunningWorker> {
  const child = spawn(process.execPath, ["src/main.ts"], {
    cwd: WORKER_DIR,
    env: {
      DATABASE_URL: stack.dbUrl,
      SUPABASE_URL: stack.apiUrl,
      SUPABASE_SECRET_KEY: stack.secretKey,
      SMTP_URL: options.smtpUrl,
      APP_URL: options.appUrl,
      WORKER_CONCURRENCY: "4",
      // Pick new jobs up quickly: the flows watch progress live.
      WORKER_POLL_INTERVAL_MS: "500",
      WORKER_SHUTDOWN_TIMEOUT_MS: "3000",
      LOG_LEVEL: "warning",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const forward = (chunk: Buffer) => process.stderr.write(`worker: ${chunk.toString("utf8")}`);
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);

  // It is up once graphile-worker has connected; a crash at start-up fails the setup at once.
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 3000)),
    exited(child, 3000).then((gone) => !gone),
  ]);
  if (!ready || child.exitCode !== null) {
    throw new Error(`the worker exited at start-up with code ${child.exitCode}`);
  }
  if (child.pid === undefined) throw new Error("the worker did not start");
  return {
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      if (!(await exited(child, 8000))) {
        child.kill("SIGKILL");
        await exited(child, 2000);
      }
    },
  };
}
