// CPU time a process has used (user + system), read from /proc. On a busy machine req/s swing
// with everything else running, but CPU time per call stays close to the true cost of a call.
import { readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Milliseconds of CPU used so far by `pid`, or null where /proc is not available. */
export function cpuMillis(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const afterName = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "";
    const fields = afterName.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}
