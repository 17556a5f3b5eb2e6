// What a running stack leaves in its data folder for the other CLI commands: the pid of the
// process that owns it and its status (URLs and keys), removed when it stops.
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { dataPaths } from "../stack/data-dir.ts";
import { type StackInfo, stackInfo } from "../stack/types.ts";

export interface RunState extends StackInfo {
  pid: number;
  smtpUrl?: string;
}

export function readRunState(dataDir: string): RunState | undefined {
  try {
    const state = JSON.parse(readFileSync(dataPaths(dataDir).stateFile, "utf8")) as RunState;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

export function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(dataPaths(dataDir).pidFile, "utf8"), 10);
    return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function writePid(dataDir: string): Promise<void> {
  await writeFile(dataPaths(dataDir).pidFile, `${process.pid}\n`);
}

export async function writeRunState(
  dataDir: string,
  info: StackInfo & { smtpUrl: string },
): Promise<void> {
  const state: RunState = { pid: process.pid, ...stackInfo(info), smtpUrl: info.smtpUrl };
  await writeFile(dataPaths(dataDir).stateFile, `${JSON.stringify(state, null, 2)}\n`, {
    mode: 0o600,
  });
}

export async function clearRunState(dataDir: string): Promise<void> {
  const paths = dataPaths(dataDir);
  await Promise.all([rm(paths.stateFile, { force: true }), rm(paths.pidFile, { force: true })]);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Polls until `pid` has exited, at most `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}
