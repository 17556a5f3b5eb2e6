// One autocannon run: fixed connections and duration, a short warm-up first, errors counted.
import autocannon from "autocannon";
import { cpuMillis } from "./process-cpu.ts";

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  callsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** Server CPU time per procedure call, µs (null without /proc). */
  cpuMicrosPerCall: number | null;
}

export interface LoadSpec {
  name: string;
  url: string;
  token: string;
  /** Procedure calls per HTTP request (5 for a batch of 5). */
  callsPerRequest: number;
  /** The server process, to read its CPU time. */
  pid: number | undefined;
}

const CONNECTIONS = 50;

export async function runLoad(spec: LoadSpec, durationSeconds: number): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${spec.token}` };
  // A worker thread generates the load, so it does not share an event loop with the stack.
  const options = { url: spec.url, connections: CONNECTIONS, headers, workers: 1 };
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = cpuMillis(spec.pid);
  const result = await autocannon({ ...options, duration: durationSeconds });
  const cpuAfter = cpuMillis(spec.pid);
  const calls = result.requests.total * spec.callsPerRequest;
  return {
    name: spec.name,
    requestsPerSecond: result.requests.average,
    callsPerSecond: result.requests.average * spec.callsPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMicrosPerCall:
      cpuBefore === null || cpuAfter === null || calls === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / calls,
  };
}
