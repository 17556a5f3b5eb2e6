// `pnpm dev`: runs the whole system locally. supabase-local first (it writes .env.local), then the
// server, worker, web and admin apps that exist, each with a prefixed log. Ctrl-C stops every
// process group and waits for them, so no Postgres is left holding its port.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";

const root = join(import.meta.dirname, "..");

interface Part {
  name: string;
  dir: string;
  command: string[];
  /** Port that accepts connections once the part is ready. */
  port: number;
  url: string;
}

const supabase: Part = {
  name: "supabase",
  dir: "packages/supabase-local",
  command: ["node", "src/cli/main.ts", "start", "--foreground"],
  port: 54321,
  url: "http://127.0.0.1:54321 (mailbox http://127.0.0.1:54324)",
};

const apps: Part[] = [
  { name: "server", dir: "apps/server", command: ["pnpm", "dev"], port: 3001, url: "" },
  { name: "worker", dir: "apps/worker", command: ["pnpm", "dev"], port: 0, url: "" },
  { name: "web", dir: "apps/web", command: ["pnpm", "dev"], port: 5173, url: "" },
  { name: "admin", dir: "apps/admin", command: ["pnpm", "dev"], port: 5174, url: "" },
].map((p) => ({ ...p, url: p.port ? `http://127.0.0.1:${p.port}` : "(background jobs)" }));

const colors = [36, 35, 33, 32, 34];
const running = new Map<string, ChildProcess>();
let stopping = false;

function hasDevScript(part: Part): boolean {
  const manifest = join(root, part.dir, "package.json");
  if (!existsSync(manifest)) return false;
  const scripts = JSON.parse(readFileSync(manifest, "utf8")).scripts ?? {};
  return part === supabase || typeof scripts.dev === "string";
}

function launch(part: Part, index: number): ChildProcess {
  const prefix = `\x1b[${colors[index % colors.length]}m${part.name.padEnd(8)}\x1b[0m│ `;
  const [cmd = "", ...args] = part.command;
  // detached: each part gets its own process group, so stop() can signal the whole tree.
  const child = spawn(cmd, args, {
    cwd: join(root, part.dir),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => console.log(prefix + line));
  }
  child.on("exit", (code, signal) => {
    running.delete(part.name);
    if (!stopping) {
      console.log(`${prefix}exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  running.set(part.name, child);
  return child;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    if (await portOpen(port)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** supabase-local listens early (a port in use fails fast) but is ready once it wrote .env.local. */
async function waitForEnvFile(since: number, timeoutMs: number): Promise<boolean> {
  const envFile = join(root, ".env.local");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    if (existsSync(envFile) && statSync(envFile).mtimeMs >= since) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = [...running.values()].map(
    (child) => new Promise<void>((resolve) => child.once("exit", () => resolve())),
  );
  // Apps first, supabase-local last: its Postgres shuts down after its clients are gone.
  for (const [name, child] of [...running].reverse()) {
    if (name === supabase.name) continue;
    signalGroup(child, "SIGTERM");
  }
  const db = running.get(supabase.name);
  if (db) signalGroup(db, "SIGTERM");
  const forceKill = setTimeout(() => {
    for (const child of running.values()) signalGroup(child, "SIGKILL");
  }, 10_000);
  await Promise.all(exits);
  clearTimeout(forceKill);
  process.exit(code);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

if (await portOpen(supabase.port)) {
  console.error(
    `✖ port ${supabase.port} is in use: is supabase-local already running? (pnpm supabase-local stop)`,
  );
  process.exit(1);
}
const launchedAt = Date.now();
launch(supabase, 0);
if (!(await waitForEnvFile(launchedAt, 60_000))) {
  console.error("✖ supabase-local did not become ready within 60 s");
  await stop(1);
}
const started = apps.filter(hasDevScript);
for (const [i, part] of started.entries()) launch(part, i + 1);
await Promise.all(started.filter((p) => p.port).map((p) => waitForPort(p.port, 60_000)));
if (!stopping) {
  console.log("\nDocket is running:");
  for (const part of [supabase, ...started]) console.log(`  ${part.name.padEnd(9)}${part.url}`);
  console.log("Press Ctrl-C to stop.\n");
}
