// A supabase-local process killed with SIGKILL cannot stop its Postgres. The next start must say so
// in one line instead of failing obscurely, and `supabase-local stop` must end the orphan.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stop } from "../../src/cli/commands/stop.ts";
import { isPostgresRunning } from "../../src/db/postmaster.ts";
import { StartError } from "../../src/stack/errors.ts";
import { type TempProject, tempProject } from "./helpers.ts";

const START = fileURLToPath(new URL("../../src/stack/start.ts", import.meta.url));
let project: TempProject;

beforeAll(async () => {
  project = await tempProject({});
});
afterAll(async () => {
  await stop(locations());
  await project.remove();
});

function locations() {
  return {
    dataDir: project.dataDir,
    supabaseDir: project.supabaseDir,
    databaseUrl: undefined,
    envFile: `${project.root}/.env.local`,
  };
}

/** Starts a stack in another process, then kills that process without letting it clean up. */
async function startAndKill(): Promise<number> {
  const script = `
    const { start } = await import(${JSON.stringify(START)});
    const s = await start({ dir: ${JSON.stringify(project.dataDir)}, supabaseDir: ${JSON.stringify(project.supabaseDir)},
      ports: { api: 0, db: 0, mailbox: 0 }, ephemeral: true, log: () => {} });
    console.log("READY " + new URL(s.dbUrl).port);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  return port;
}

describe("a Postgres orphaned by a killed process", () => {
  it("makes start() refuse with the pid, and stop ends it", { timeout: 120_000 }, async () => {
    await startAndKill();
    const error = await project.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    const match =
      /^a Postgres \(pid (\d+)\) is already running on .*: run `supabase-local stop` first$/.exec(
        (error as Error).message,
      );
    expect(match).not.toBeNull();
    const pid = Number(match?.[1]);
    expect(isPostgresRunning(pid)).toBe(true);

    expect(await stop(locations())).toBe(true);
    expect(isPostgresRunning(pid)).toBe(false);
    const stack = await project.start();
    await stack.stop();
  });
});
