// Runs the seed files of `[db.seed] sql_paths` once per database (a new or reset one), recording
// each in supabase_migrations.seed_files(path, hash) as the Supabase CLI does.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type pg from "pg";
import type { Config } from "../config/schema.ts";
import { StartError } from "../stack/errors.ts";
import { describeSqlError } from "./sql-error.ts";
import { inTransaction } from "./transaction.ts";

export async function applySeed(
  client: pg.ClientBase,
  config: Config,
  supabaseDir: string,
  log: (line: string) => void,
): Promise<string[]> {
  if (!config.db.seed.enabled) return [];
  await client.query(`create table if not exists supabase_migrations.seed_files (
    path text not null primary key, hash text not null)`);
  const { rows } = await client.query<{ path: string }>(
    "select path from supabase_migrations.seed_files",
  );
  const done = new Set(rows.map((r) => r.path));
  const applied: string[] = [];
  for (const configured of config.db.seed.sql_paths) {
    const path = resolve(supabaseDir, configured);
    const key = relative(resolve(supabaseDir, ".."), path);
    if (done.has(key)) continue;
    let sql: string;
    try {
      sql = await readFile(path, "utf8");
    } catch {
      log(`seed: ${key} not found, skipped`);
      continue;
    }
    const hash = createHash("sha256").update(sql).digest("hex");
    try {
      await inTransaction(client, async () => {
        await client.query(sql);
        await client.query(
          "insert into supabase_migrations.seed_files (path, hash) values ($1, $2)",
          [key, hash],
        );
      });
    } catch (error) {
      throw new StartError(`seed failed: ${describeSqlError(error, path, sql)}`);
    }
    applied.push(key);
    log(`seed: applied ${key}`);
  }
  return applied;
}
