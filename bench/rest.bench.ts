// Data API throughput: a single-row GET by primary key and a 100-row page with one embed, through
// supabase-js and the gateway, against the same queries sent with `pg` straight to Postgres, all
// in one run; then the server's heap over a bounded load (`--soak=<seconds>`, default 60).
// The load runs in a worker thread so client and server do not share one event loop; each case
// also prints the CPU time per request of the server thread and of the load thread (on a 2-core
// machine their sum, plus Postgres, bounds the throughput).
//   node bench/rest.bench.ts [--seconds=8] [--concurrency=16] [--soak=60]
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";

type Mode = "rest-one" | "pg-one" | "rest-page" | "pg-page" | "http-floor";
interface LoadJob {
  mode: Mode;
  seconds: number;
  concurrency: number;
  apiUrl: string;
  key: string;
  dbUrl: string;
  rows: number;
}
interface LoadResult {
  ops: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of the load thread (supabase-js, fetch or pg), µs. */
  clientCpu: number;
}

const ONE_SQL = "select id, title, year, director_id from public.films where id = $1";
const PAGE_SQL =
  "select f.id, f.title, json_build_object('last_name', d.last_name) as directors from public.films f left join public.directors d on d.id = f.director_id order by f.id limit 100 offset $1";

if (isMainThread) await main();
else await runLoad(workerData as LoadJob);

async function main() {
  const arg = (name: string, fallback: number) =>
    Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
  const seconds = arg("seconds", 8);
  const concurrency = arg("concurrency", 16);
  const soak = arg("soak", 60);
  const { startTestStack } = await import("@docket/supabase-local/testing");
  const supabaseDir = fileURLToPath(
    new URL("../packages/supabase-local/test/rest/fixture/supabase", import.meta.url),
  );
  const stack = await startTestStack({ supabaseDir });
  try {
    const rows = 5000;
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    await db.query(
      `insert into public.films (id, title, year, director_id)
       select 1000 + n, 'Film ' || n, 1900 + n % 120, 1 + n % 4 from generate_series(1, $1) n`,
      [rows],
    );
    await db.query("analyze");
    await db.end();
    const job = {
      seconds,
      concurrency,
      apiUrl: stack.apiUrl,
      key: stack.publishableKey,
      dbUrl: stack.dbUrl,
      rows,
    };
    await check(job);

    console.log(`load: ${concurrency} in flight, ${seconds} s per case, after a 2 s warm-up each`);
    const results = new Map<Mode, LoadResult>();
    for (const mode of ["pg-one", "rest-one", "pg-page", "rest-page", "http-floor"] as const) {
      await inWorker({ ...job, mode, seconds: 2 });
      // The stack runs on this thread: its CPU time per request is the server's own cost.
      const before = process.threadCpuUsage();
      const r = await inWorker({ ...job, mode });
      const server = process.threadCpuUsage(before);
      results.set(mode, r);
      const perOp = (us: number) => (us / Math.max(1, r.ops)).toFixed(0).padStart(4);
      console.log(
        `${mode.padEnd(10)} ${(r.ops / r.seconds).toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  errors ${r.errors}  ` +
          `CPU µs/request: server ${perOp(server.user + server.system)}, client ${perOp(r.clientCpu)}`,
      );
    }
    const rate = (m: Mode) => {
      const r = results.get(m);
      return r ? r.ops / r.seconds : 0;
    };
    console.log(
      `ratio single-row GET by PK, supabase-js+gateway / pg: ${((100 * rate("rest-one")) / rate("pg-one")).toFixed(1)} % (target ≥ 60 %)`,
    );
    console.log(
      `ratio 100-row page with embed, supabase-js+gateway / pg: ${((100 * rate("rest-page")) / rate("pg-page")).toFixed(1)} %`,
    );
    // The ceiling of any HTTP answer on this machine: the gateway's auth health route, no database.
    console.log(
      `single-row GET / bare HTTP round trip through the gateway: ${((100 * rate("rest-one")) / rate("http-floor")).toFixed(1)} %`,
    );

    if (soak > 0) await soakHeap({ ...job, mode: "rest-page", seconds: soak });
  } finally {
    await stack.stop();
  }
}

/** Both paths must return the same rows before their speed means anything. */
async function check(job: Omit<LoadJob, "mode">) {
  const client = createClient(job.apiUrl, job.key, { auth: { persistSession: false } });
  const db = new pg.Client({ connectionString: job.dbUrl });
  await db.connect();
  const one = await client
    .from("films")
    .select("id,title,year,director_id")
    .eq("id", 1500)
    .single();
  const onePg = (await db.query(ONE_SQL, [1500])).rows[0];
  const page = await client
    .from("films")
    .select("id,title,directors(last_name)")
    .order("id")
    .range(200, 299);
  const pagePg = (await db.query(PAGE_SQL, [200])).rows;
  await db.end();
  // pg returns bigint as a string; PostgREST writes JSON numbers.
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a) ===
    JSON.stringify(b, (k, v) => (k === "id" || k === "director_id" ? Number(v) : v));
  if (!same(one.data, onePg)) throw new Error("single-row answers differ");
  if (!same(page.data, pagePg)) throw new Error("page answers differ");
}

async function soakHeap(job: LoadJob) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const heapMb = () => {
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const samples: number[] = [heapMb()];
  const timer = setInterval(
    () => samples.push(heapMb()),
    Math.max(1000, (job.seconds * 1000) / 20),
  );
  const r = await inWorker(job);
  clearInterval(timer);
  samples.push(heapMb());
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const half = Math.floor(samples.length / 2);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(
    `soak ${job.seconds} s of 100-row pages (${r.ops} requests, ${r.errors} errors): server heap after GC ` +
      `start ${samples[0]?.toFixed(1)} MB, max ${Math.max(...samples).toFixed(1)} MB, end ${samples.at(-1)?.toFixed(1)} MB; ` +
      `first-half avg ${avg(samples.slice(1, half)).toFixed(1)} MB vs second-half avg ${avg(samples.slice(half, -1)).toFixed(1)} MB; rss ${rss.toFixed(0)} MB`,
  );
}

function inWorker(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once("message", (m: LoadResult) => resolve(m));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

async function runLoad(job: LoadJob) {
  const client = createClient(job.apiUrl, job.key, { auth: { persistSession: false } });
  const pool = new pg.Pool({ connectionString: job.dbUrl, max: job.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const one = async (i: number): Promise<boolean> => {
    const id = 1001 + (i % job.rows);
    const offset = (i * 100) % (job.rows - 100);
    switch (job.mode) {
      case "rest-one": {
        const r = await client
          .from("films")
          .select("id,title,year,director_id")
          .eq("id", id)
          .single();
        return !r.error;
      }
      case "pg-one":
        return (await pool.query({ name: "one", text: ONE_SQL, values: [id] })).rowCount === 1;
      case "rest-page": {
        const r = await client
          .from("films")
          .select("id,title,directors(last_name)")
          .order("id")
          .range(offset, offset + 99);
        return r.data?.length === 100;
      }
      case "pg-page":
        return (
          (await pool.query({ name: "page", text: PAGE_SQL, values: [offset] })).rowCount === 100
        );
      case "http-floor": {
        const res = await fetch(`${job.apiUrl}/auth/v1/health`, { headers: { apikey: job.key } });
        await res.arrayBuffer();
        return res.ok;
      }
    }
  };
  const cpuBefore = process.threadCpuUsage();
  const began = performance.now();
  const end = began + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await one(n++).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const cpu = process.threadCpuUsage(cpuBefore);
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const result: LoadResult = {
    ops: latencies.length,
    seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    clientCpu: cpu.user + cpu.system,
  };
  parentPort?.postMessage(result);
}
