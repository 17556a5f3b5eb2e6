// One autocannon run: fixed connections and duration, a short warm-up first, errors counted.
import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  callsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface LoadSpec {
  name: string;
  url: string;
  token: string;
  /** Procedure calls per HTTP request (5 for a batch of 5). */
  callsPerRequest: number;
}

const CONNECTIONS = 50;

export async function runLoad(spec: LoadSpec, durationSeconds: number): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${spec.token}` };
  await autocannon({ url: spec.url, connections: CONNECTIONS, duration: 2, headers });
  const result = await autocannon({
    url: spec.url,
    connections: CONNECTIONS,
    duration: durationSeconds,
    headers,
  });
  return {
    name: spec.name,
    requestsPerSecond: result.requests.average,
    callsPerSecond: result.requests.average * spec.callsPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
