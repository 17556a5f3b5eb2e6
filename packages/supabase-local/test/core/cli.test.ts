// The CLI as people run it: a background start that writes .env.local, status, keys, stop; a
// foreground start that stops cleanly on SIGTERM; and one-line errors for bad input.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPortFree, findFreePort } from "../../src/db/free-port.ts";
import { type TempProject, tempProject } from "./helpers.ts";

const BIN = fileURLToPath(new URL("../../bin/supabase-local.js", import.meta.url));
const exec = promisify(execFile);

let project: TempProject;
let ports: { api: number; db: number; mailbox: number };

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const where = ["--dir", project.dataDir, "--supabase-dir", project.supabaseDir];
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args, ...where], {
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  ports = { api: await findFreePort(), db: await findFreePort(), mailbox: await findFreePort() };
  project = await tempProject({
    config: `project_id = "cli-test"\n[api]\nport = ${ports.api}\n[db]\nport = ${ports.db}\n[inbucket]\nport = ${ports.mailbox}\n`,
  });
  await writeFile(join(project.root, ".env.local"), "KEEP_ME=yes\n");
});
afterAll(async () => {
  await cli("stop");
  await project.remove();
});

// Each CLI call is a fresh Node process: allow for a loaded machine.
describe("supabase-local CLI", { timeout: 180_000 }, () => {
  it("start (background) → status → keys rotate / revoke → stop → env", async () => {
    const started = await cli("start");
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain(`API URL: http://127.0.0.1:${ports.api}`);

    const status = await cli("status", "--json");
    const info = JSON.parse(status.stdout) as Record<string, string>;
    expect(Object.keys(info)).toEqual([
      "apiUrl",
      "dbUrl",
      "mailboxUrl",
      "publishableKey",
      "secretKey",
      "jwtSecret",
      "anonKey",
      "serviceRoleKey",
    ]);
    expect(info.dbUrl).toBe(`postgresql://postgres:postgres@127.0.0.1:${ports.db}/postgres`);

    const env = await readFile(join(project.root, ".env.local"), "utf8");
    expect(env).toContain("KEEP_ME=yes\n");
    expect(env).toContain(`SUPABASE_PUBLISHABLE_KEY=${info.publishableKey}\n`);
    expect(env).toContain(`VITE_SUPABASE_URL=http://127.0.0.1:${ports.api}\n`);
    expect(env).toContain("VITE_API_URL=http://127.0.0.1:3001\n");

    const refused = await fetch(`http://127.0.0.1:${ports.api}/rest/v1/`);
    expect(refused.status).toBe(401);

    const before = (await cli("keys")).stdout.trim().split("\n");
    const rotated = await cli("keys", "rotate");
    expect(rotated.code).toBe(0);
    const after = (await cli("keys")).stdout.trim().split("\n");
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(1)).toEqual(before);
    const current = after[0] ?? "";
    const refusedRevoke = await cli("keys", "revoke", current);
    expect(refusedRevoke.code).toBe(1);
    expect(refusedRevoke.stderr.trim()).toBe(
      `✖ key ${current} is the current signing key: rotate first, then revoke it`,
    );
    expect((await cli("keys", "revoke", before[0] ?? "")).code).toBe(0);
    expect((await cli("keys")).stdout.trim().split("\n")).toEqual([current]);

    expect((await cli("start")).stderr).toMatch(/^✖ supabase-local is already running on /);

    expect((await cli("stop")).stdout.trim()).toBe("stopped");
    for (const port of Object.values(ports))
      await expect(assertPortFree(port)).resolves.toBeUndefined();
    const notRunning = await cli("status");
    expect(notRunning.code).toBe(1);
    expect(notRunning.stderr).toMatch(/^✖ supabase-local is not running/);

    // `env` without a running stack writes what the next start will use.
    await writeFile(join(project.root, ".env.local"), "KEEP_ME=yes\n");
    expect((await cli("env")).code).toBe(0);
    const written = await readFile(join(project.root, ".env.local"), "utf8");
    expect(written).toContain(`SUPABASE_SECRET_KEY=${info.secretKey}\n`);
    expect(written).toContain(`DATABASE_URL=${info.dbUrl}\n`);
    expect(written).toContain("KEEP_ME=yes\n");
  });

  it("start --foreground stops cleanly on SIGTERM", async () => {
    const where = ["--dir", project.dataDir, "--supabase-dir", project.supabaseDir];
    const child: ChildProcess = spawn(process.execPath, [BIN, "start", "--foreground", ...where], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!output.includes("wrote") && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain("ready in");
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const port of Object.values(ports))
      await expect(assertPortFree(port)).resolves.toBeUndefined();
    expect(existsSync(join(project.dataDir, "supabase-local.pid"))).toBe(false);
  });

  it("reset rebuilds the database of a running stack and keeps its keys", async () => {
    expect((await cli("start")).code).toBe(0);
    const before = JSON.parse((await cli("status", "--json")).stdout) as Record<string, string>;
    const client = new pg.Client({ connectionString: before.dbUrl });
    await client.connect();
    await client.query("create table public.scratch (id int)");
    await client.end();

    const reset = await cli("reset");
    expect(reset.code, reset.stderr).toBe(0);
    const after = JSON.parse((await cli("status", "--json")).stdout) as Record<string, string>;
    expect(after.secretKey).toBe(before.secretKey);
    const again = new pg.Client({ connectionString: after.dbUrl });
    await again.connect();
    const { rows } = await again.query("select to_regclass('public.scratch') as t");
    await again.end();
    expect(rows).toEqual([{ t: null }]);
    expect((await cli("stop")).code).toBe(0);
  });

  it("reports a broken config.toml in one line and exits 1", async () => {
    const file = join(project.supabaseDir, "config.toml");
    const good = await readFile(file, "utf8");
    await writeFile(file, `${good}[auth]\njwt_expiry = "one hour"\n`);
    try {
      const result = await cli("start");
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(/^✖ .*config\.toml: \[auth\] jwt_expiry: [^\n]+$/);
    } finally {
      await writeFile(file, good);
    }
  });
});
