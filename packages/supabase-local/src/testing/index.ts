// Test helpers: a throw-away stack per call, in a fresh temp folder with free ports.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "../stack/start.ts";
import type { RunningStack } from "../stack/types.ts";

export type { RunningStack, StackInfo } from "../stack/types.ts";
export { stackInfo } from "../stack/types.ts";

export interface TestStackOptions {
  /** Folder with config.toml, migrations/, seed.sql. Default: the repo's `supabase/`. */
  supabaseDir?: string;
  /** Use an existing Postgres server instead of an embedded one. */
  databaseUrl?: string;
  /** Log lines (default: dropped, tests stay quiet). */
  log?: (line: string) => void;
}

/** Starts a stack in a new temp folder on free ports; `stop()` also deletes the folder. */
export async function startTestStack(options: TestStackOptions = {}): Promise<RunningStack> {
  const dir = await mkdtemp(join(tmpdir(), "supabase-local-test-"));
  // As root, Postgres runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dir, 0o755);
  let stack: RunningStack;
  try {
    stack = await start({
      dir,
      ports: { api: 0, db: 0, mailbox: 0 },
      ephemeral: true,
      log: options.log ?? (() => {}),
      ...(options.supabaseDir ? { supabaseDir: options.supabaseDir } : {}),
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = stack.stop;
  return Object.assign(stack, {
    stop: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  });
}
