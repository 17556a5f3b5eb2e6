// Starts the two servers under test as child processes (so the load generator and the stack do
// not share their event loop) and waits until they answer.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { PYTHON } from "./python-deps.ts";

export interface StackKeys {
  apiUrl: string;
  publishableKey: string;
  secretKey: string;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, name: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${name} did not answer at ${url}`);
}

/** The real entry point, apps/server/src/main.ts, configured through its environment. */
export async function startDocketServer(
  stack: StackKeys,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const main = new URL("../../apps/server/src/main.ts", import.meta.url).pathname;
  const child = spawn(process.execPath, [main], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      SUPABASE_URL: stack.apiUrl,
      SUPABASE_PUBLISHABLE_KEY: stack.publishableKey,
      SUPABASE_SECRET_KEY: stack.secretKey,
      PORT: String(port),
      // Like the baseline (uvicorn without access log), no line per request.
      LOG_LEVEL: "warn",
      // The load comes from one IP and one user; limits would measure only themselves.
      RATE_LIMIT_IP_PER_MINUTE: "1000000000",
      RATE_LIMIT_IP_BURST: "1000000000",
      RATE_LIMIT_USER_PER_MINUTE: "1000000000",
      RATE_LIMIT_USER_BURST: "1000000000",
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}/healthz`, child, "docket server");
  return { url, child };
}

export async function startFastApi(
  stack: StackKeys,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const app = new URL("../fastapi_app.py", import.meta.url).pathname;
  const child = spawn(
    PYTHON,
    [
      app,
      "--port",
      String(port),
      "--supabase-url",
      stack.apiUrl,
      "--publishable-key",
      stack.publishableKey,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}/trivial`, child, "fastapi");
  return { url, child };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(5000).then(() => child.kill("SIGKILL"))]);
}
