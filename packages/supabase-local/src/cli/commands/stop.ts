// Stops the stack of a data folder: SIGTERM to its process, then waits until it and its Postgres
// are gone, so the ports are free when this returns.

import { isPostgresRunning, postmasterPid, waitForPostgresExit } from "../../db/postmaster.ts";
import { dataPaths } from "../../stack/data-dir.ts";
import type { Locations } from "../locations.ts";
import { clearRunState, readPid, waitForExit } from "../run-state.ts";

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
  if (postmaster !== undefined && isPostgresRunning(postmaster)) {
    process.kill(postmaster, "SIGINT");
    await waitForPostgresExit(postmaster, 20_000);
    stopped = true;
  }
  await clearRunState(where.dataDir);
  return stopped;
}
