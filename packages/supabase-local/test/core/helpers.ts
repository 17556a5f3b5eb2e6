// Throw-away projects (a supabase/ folder with config, migrations, seed) and stacks on them.
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "../../src/stack/start.ts";
import type { RunningStack } from "../../src/stack/types.ts";

export interface TempProject {
  root: string;
  supabaseDir: string;
  dataDir: string;
  writeMigration(name: string, sql: string): Promise<void>;
  start(): Promise<RunningStack>;
  remove(): Promise<void>;
}

export async function tempProject(files: {
  migrations?: Record<string, string>;
  seed?: string;
  config?: string;
}): Promise<TempProject> {
  const root = await mkdtemp(join(tmpdir(), "supabase-local-core-"));
  await chmod(root, 0o755);
  const supabaseDir = join(root, "supabase");
  const dataDir = join(root, "data");
  await mkdir(join(supabaseDir, "migrations"), { recursive: true });
  await writeFile(join(supabaseDir, "config.toml"), files.config ?? 'project_id = "core-test"\n');
  if (files.seed !== undefined) await writeFile(join(supabaseDir, "seed.sql"), files.seed);
  const writeMigration = (name: string, sql: string) =>
    writeFile(join(supabaseDir, "migrations", name), sql);
  for (const [name, sql] of Object.entries(files.migrations ?? {})) await writeMigration(name, sql);
  return {
    root,
    supabaseDir,
    dataDir,
    writeMigration,
    start: () =>
      start({
        dir: dataDir,
        supabaseDir,
        ports: { api: 0, db: 0, mailbox: 0 },
        ephemeral: true,
        log: () => {},
      }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
