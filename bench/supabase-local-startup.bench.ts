// Time to a ready supabase-local stack (start() resolved: Postgres up, bootstrap, the repo's
// migrations and seed applied, gateway listening), for three cases:
//   cold  — new data folder, empty template cache: initdb and the bootstrap run (first start on a
//           machine, or after the bootstrap SQL changed)
//   fresh — new data folder, cluster copied from the cached bootstrapped template (every later one)
//   warm  — the same data folder again (a restart: nothing left to apply)
// Each run is its own Node process (as `supabase-local start` is); `ready` is what start() takes,
// `process` adds loading the modules. Targets on this 2-core machine: fresh < 5 s, warm < 1.5 s.
import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const RUNS = 3;
const TARGETS = { cold: 5000, fresh: 5000, warm: 1500 };

interface Sample {
  readyMs: number;
  processMs: number;
  stopMs: number;
  phases: string;
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] ?? "", process.argv[4] ?? "");
} else {
  await main();
}

/** One start/stop in this process; prints one JSON line for the parent. */
async function child(dataDir: string, templateCache: string): Promise<void> {
  const { start } = await import("@docket/supabase-local");
  let phases = "";
  const began = performance.now();
  const stack = await start({
    dir: dataDir,
    supabaseDir: join(import.meta.dirname, "../supabase"),
    ports: { api: 0, db: 0, mailbox: 0 },
    templateCache,
    log: (line) => {
      if (line.startsWith("ready")) phases = /\((.*)\)/.exec(line)?.[1] ?? "";
    },
  });
  // performance.now() counts from the start of this process: module loading included.
  const readyAt = performance.now();
  await stack.stop();
  const sample: Sample = {
    readyMs: readyAt - began,
    processMs: readyAt,
    stopMs: performance.now() - readyAt,
    phases,
  };
  console.log(JSON.stringify(sample));
  process.exit(0);
}

function runChild(dataDir: string, templateCache: string): Sample {
  const args = [import.meta.filename, "--child", dataDir, templateCache];
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    timeout: 120_000,
  });
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !line.startsWith("{")) {
    throw new Error(`start failed (${result.status}): ${result.stderr.trim().split("\n").at(-1)}`);
  }
  return JSON.parse(line) as Sample;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "startup-bench-"));
  await chmod(work, 0o755);
  const results: Record<keyof typeof TARGETS, Sample[]> = { cold: [], fresh: [], warm: [] };
  try {
    for (let i = 0; i < RUNS; i += 1) {
      // An empty template cache: the cold run runs initdb and the bootstrap, and fills it.
      const template = join(work, `template-${i}`);
      const coldDir = join(work, `cold-${i}`);
      results.cold.push(runChild(coldDir, template));
      results.fresh.push(runChild(join(work, `fresh-${i}`), template));
      results.warm.push(runChild(coldDir, template));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`supabase-local start-up, ${RUNS} runs each (median · best), repo migrations + seed`);
  console.log(
    `machine: ${cpus().length} cores, load average ${load} (figures scale with other load)\n`,
  );
  for (const [name, samples] of Object.entries(results) as Array<
    [keyof typeof TARGETS, Sample[]]
  >) {
    const sorted = [...samples].sort((a, b) => a.readyMs - b.readyMs);
    const mid = sorted[Math.floor(sorted.length / 2)];
    const median = mid?.readyMs ?? 0;
    const ratio = (median / TARGETS[name]).toFixed(2);
    console.log(
      `${name.padEnd(5)}  ready ${ms(median)} · ${ms(sorted[0]?.readyMs)}   with module loading ${ms(mid?.processMs)}` +
        `   stop ${ms(mid?.stopMs)}   target ${ms(TARGETS[name])} → ${ratio}× of target`,
    );
    console.log(`       where the time goes (median run): ${mid?.phases}`);
  }
}

function ms(value: number | undefined): string {
  return `${Math.round(value ?? 0)} ms`.padStart(8);
}
