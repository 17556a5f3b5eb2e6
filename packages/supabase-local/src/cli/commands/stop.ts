// Stops the stack of a data folder: SIGTERM to its process, then waits until it and its Postgres
// are gone, so the ports are free when this returns.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { dataPaths } from "../../stack/data-dir.ts";
import type { Locations } from "../locations.ts";
import { clearRunState, isAlive, readPid, waitForExit } from "../run-state.ts";

export async function stop(where: Locations): Promise<boolean> {
  const pid = readPid(where.dataDir);
  let stopped = false;
  if (pid !== undefined) {
    process.kill(pid, "SIGTERM");
    if (!(await waitForExit(pid, 20_000))) {
      process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5_000);
    }
    stopped = true;
  }
  // A Postgres orphaned by a killed supabase-local process still holds the cluster and its port.
  const postmaster = await postmasterPid(dataPaths(where.dataDir).postgres);
  if (postmaster !== undefined && isAlive(postmaster)) {
    process.kill(postmaster, "SIGINT");
    await waitForExit(postmaster, 20_000);
    stopped = true;
  }
  await clearRunState(where.dataDir);
  return stopped;
}

async function postmasterPid(clusterDir: string): Promise<number | undefined> {
  try {
    const text = await readFile(join(clusterDir, "postmaster.pid"), "utf8");
    const pid = Number.parseInt(text.split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
