// Worker benchmarks (issue 8), one run on one fresh supabase-local stack, printing figures and
// ratios: graphile-worker no-op throughput against Docket's tracked pipeline (same batching);
// the API enqueue path against a bare add_job loop; enqueue → running latency; SIGKILL recovery;
// document__process throughput for a 1 MB text and a 20-page PDF.
import { startTestStack } from "@docket/supabase-local/testing";
import { benchContext } from "../apps/worker/src/testing/bench/context.ts";
import { sigkillRecovery } from "../apps/worker/src/testing/bench/crash.ts";
import {
  documentThroughput,
  samplePdf,
  sampleText,
} from "../apps/worker/src/testing/bench/documents.ts";
import { enqueueRates } from "../apps/worker/src/testing/bench/enqueue.ts";
import { enqueueToRunning } from "../apps/worker/src/testing/bench/latency.ts";
import {
  rawJobsPerSecond,
  trackedJobsPerSecond,
} from "../apps/worker/src/testing/bench/throughput.ts";
import { installQueueSchema } from "../apps/worker/src/testing/index.ts";

const JOBS = Number(process.argv[2] ?? 5000);
const CONCURRENCY = process.argv[3] ? Number(process.argv[3]) : undefined;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (a: number, b: number) => `${fmt((a / b) * 100, 1)} %`;

const stack = await startTestStack();
try {
  await installQueueSchema(stack.dbUrl);
  const ctx = await benchContext(stack);
  const config = ctx.config(
    CONCURRENCY ? { concurrency: CONCURRENCY, localQueueSize: 2 * CONCURRENCY } : {},
  );
  console.log(
    `concurrency ${config.concurrency}, localQueue ${config.localQueueSize}, completeJobBatchDelay ${config.completeJobBatchDelayMs} ms, failJobBatchDelay ${config.failJobBatchDelayMs} ms, status batch ${config.statusBatchDelayMs} ms`,
  );

  console.log(`\n1. Throughput, ${fmt(JOBS)} trivial jobs each`);
  const raw = await rawJobsPerSecond(ctx, JOBS, config);
  const viaApi = await trackedJobsPerSecond(ctx, JOBS, config);
  const viaSql = await trackedJobsPerSecond(ctx, JOBS, { ...config, statusVia: "sql" });
  console.log(`   raw graphile-worker no-op            ${fmt(raw)} jobs/s`);
  console.log(
    `   Docket tracked, status via Data API  ${fmt(viaApi.perSecond)} jobs/s  (${pct(viaApi.perSecond, raw)} of raw; target ≥ 20 %) — ${fmt(viaApi.statusRoundTrips)} status round trips for ${fmt(JOBS * 2)} transitions, ${fmt(viaApi.avgRoundTripMs, 1)} ms each`,
  );
  console.log(
    `   Docket tracked, status via SQL       ${fmt(viaSql.perSecond)} jobs/s  (${pct(viaSql.perSecond, raw)} of raw) — same function, no HTTP hop: ${fmt(viaSql.statusRoundTrips)} round trips, ${fmt(viaSql.avgRoundTripMs, 1)} ms each`,
  );

  console.log("\n2. Enqueue, 2,000 sequential calls each");
  const enqueue = await enqueueRates(ctx, 2000);
  console.log(`   raw graphile_worker.add_job          ${fmt(enqueue.raw)} jobs/s`);
  console.log(
    `   API path (jobs row + add_job, 1 tx)  ${fmt(enqueue.api)} jobs/s  (${pct(enqueue.api, enqueue.raw)} of raw)`,
  );

  console.log("\n3. Enqueue → running latency, 200 jobs one at a time, idle worker");
  const latency = await enqueueToRunning(ctx, 200, config);
  const latencySql = await enqueueToRunning(ctx, 200, { ...config, statusVia: "sql" });
  console.log(
    `   bare graphile-worker                 p50 ${fmt(latency.raw.p50, 1)} ms   p95 ${fmt(latency.raw.p95, 1)} ms`,
  );
  console.log(
    `   Docket, running via Data API         p50 ${fmt(latency.docket.p50, 1)} ms   p95 ${fmt(latency.docket.p95, 1)} ms  (target p50 ≤ 15 ms; ${fmt(latency.docket.p50 / latency.raw.p50, 2)}× bare)`,
  );
  console.log(
    `   Docket, running via SQL              p50 ${fmt(latencySql.docket.p50, 1)} ms   p95 ${fmt(latencySql.docket.p95, 1)} ms  (${fmt(latencySql.docket.p50 / latencySql.raw.p50, 2)}× bare in that run)`,
  );

  console.log(
    "\n4. SIGKILL a worker process (concurrency 8) holding 16 long jobs; default heartbeat settings",
  );
  const crash = await sigkillRecovery(ctx, 16, config);
  console.log(
    `   running at kill ${crash.runningAtKill} (the rest locked in its local queue); all ${crash.jobs} re-run and succeeded after ${fmt(crash.recoveredMs / 1000, 1)} s (target ≤ 60 s; bound deadAfter ${config.deadAfterMs / 1000} s + heartbeat ${config.heartbeatIntervalMs / 1000} s); lost ${crash.lost}; duplicated ${crash.duplicated}`,
  );

  console.log(
    "\n5. document__process end to end (Storage → extract → analyse → 4 outputs → Storage + rows)",
  );
  const text = new TextEncoder().encode(sampleText(1024 * 1024));
  const pdf = samplePdf(20);
  const textRun = await documentThroughput(
    ctx,
    stack,
    { name: "sample.txt", mime: "text/plain", bytes: text },
    4,
    config,
  );
  const pdfRun = await documentThroughput(
    ctx,
    stack,
    { name: "sample.pdf", mime: "application/pdf", bytes: pdf },
    8,
    config,
  );
  for (const [label, run] of [
    ["1 MB text   ", textRun],
    ["20-page PDF ", pdfRun],
  ] as const) {
    console.log(
      `   ${label} ${fmt(run.bytes / 1024)} KiB: ${fmt(run.docsPerSecond, 2)} docs/s, ${fmt(run.msPerDoc)} ms/doc wall (concurrent); pure analysis ${fmt(run.analyzeMs)} ms/doc`,
    );
  }
  await ctx.db.end();
} finally {
  await stack.stop();
}
