// `reset`: rebuilds the database from scratch (bootstrap, migrations, seed). Keys are kept, so
// env files and signed-in clients' key configuration stay valid. A running stack is restarted.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { StartError } from "../../stack/errors.ts";
import type { Locations } from "../locations.ts";
import { readPid } from "../run-state.ts";
import { startBackground } from "./start.ts";
import { stop } from "./stop.ts";

const KEPT = new Set(["keys.json", "authenticator.password", "supabase-local.json"]);

export async function reset(where: Locations, forwarded: string[]): Promise<void> {
  if (where.databaseUrl) {
    throw new StartError(
      "reset rebuilds the embedded Postgres only; with an external database, recreate it yourself",
    );
  }
  const wasRunning = readPid(where.dataDir) !== undefined;
  await stop(where);
  let entries: string[] = [];
  try {
    entries = await readdir(where.dataDir);
  } catch {
    // nothing to remove
  }
  // Without a version stamp (folder from another version) the keys are not trusted either.
  const keepKeys = entries.includes("supabase-local.json");
  for (const entry of entries) {
    if (keepKeys && KEPT.has(entry)) continue;
    await rm(join(where.dataDir, entry), { recursive: true, force: true });
  }
  console.log(`reset ${where.dataDir}: the database is rebuilt on start`);
  if (wasRunning) await startBackground(where, forwarded);
}
