// Prints the figures of api.bench.ts and the ratios against the FastAPI baseline.
import type { LoadResult } from "./load.ts";

export function printTable(results: LoadResult[]) {
  console.log(
    "\nscenario                      req/s    calls/s   p50 ms  p99 ms  failed  server CPU µs/call",
  );
  for (const r of results) {
    const cpu = r.cpuMicrosPerCall === null ? "n/a" : r.cpuMicrosPerCall.toFixed(0);
    console.log(
      `${r.name.padEnd(28)}${r.requestsPerSecond.toFixed(0).padStart(7)}${r.callsPerSecond.toFixed(0).padStart(11)}` +
        `${String(r.p50).padStart(9)}${String(r.p99).padStart(8)}${String(r.failures).padStart(8)}${cpu.padStart(20)}`,
    );
  }
}

export function printRatios(byName: Map<string, LoadResult>) {
  const get = (name: string, field: "callsPerSecond" | "p99" | "cpuMicrosPerCall") =>
    byName.get(name)?.[field] ?? Number.NaN;
  const line = (label: string, value: number, target: string, ok: boolean) =>
    console.log(`${ok ? "✓" : "✗"} ${label.padEnd(56)} ${value.toFixed(2)}×  (target ${target})`);
  console.log("\nratios (Docket / FastAPI, same run)");
  for (const kind of ["trivial", "rls-read"]) {
    const trivial = kind === "trivial";
    const base = `fastapi ${kind}`;
    const single = get(`docket ${kind} single`, "callsPerSecond") / get(base, "callsPerSecond");
    const batch = get(`docket ${kind} batch of 5`, "callsPerSecond") / get(base, "callsPerSecond");
    const p99 = get(`docket ${kind} single`, "p99") / get(base, "p99");
    line(
      `${kind}: calls/s, single calls`,
      single,
      trivial ? "≥ 1.5" : "—",
      !trivial || single >= 1.5,
    );
    line(`${kind}: calls/s, batches of 5`, batch, trivial ? "≥ 3" : "—", !trivial || batch >= 3);
    line(
      `${kind}: p99 latency, single (lower is better)`,
      p99,
      trivial ? "≤ 1" : "—",
      !trivial || p99 <= 1,
    );
    // Calls one CPU second buys, relative: what req/s would show on an otherwise idle machine.
    const cpuSingle =
      get(base, "cpuMicrosPerCall") / get(`docket ${kind} single`, "cpuMicrosPerCall");
    const cpuBatch =
      get(base, "cpuMicrosPerCall") / get(`docket ${kind} batch of 5`, "cpuMicrosPerCall");
    console.log(
      `  ${kind}: calls per server CPU second, single ${cpuSingle.toFixed(2)}×, batch of 5 ${cpuBatch.toFixed(2)}×`,
    );
  }
}
