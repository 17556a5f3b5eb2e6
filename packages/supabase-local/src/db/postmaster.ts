// The Postgres server process of a cluster folder, found through its postmaster.pid: used to
// refuse a second start, to stop an orphaned server, and to wait until one has exited.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export async function postmasterPid(clusterDir: string): Promise<number | undefined> {
  try {
    const text = await readFile(join(clusterDir, "postmaster.pid"), "utf8");
    const pid = Number.parseInt(text.split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isPostgresRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // After a reboot the pid in a stale postmaster.pid may belong to an unrelated process.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true; // no /proc: trust the signal check
  }
}

/** Polls until the server has exited, at most `timeoutMs`; true when it is gone. */
export async function waitForPostgresExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isPostgresRunning(pid) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return !isPostgresRunning(pid);
}
