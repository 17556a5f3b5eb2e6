// Creates what Supabase's Postgres image provides (roles, schemas, grants, auth.* and storage.*)
// by running the package's sql/*.sql files in name order. Each file runs once per database, in
// its own transaction, and is recorded so a restart skips it and a newly added file still runs.
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { StartError } from "../stack/errors.ts";
import { describeSqlError } from "./sql-error.ts";
import { readSqlFiles } from "./sql-files.ts";
import { inTransaction } from "./transaction.ts";

export const BOOTSTRAP_SQL_DIR = fileURLToPath(new URL("../../sql/", import.meta.url));

export interface BootstrapResult {
  /** True when the database had never been bootstrapped (so the seed must run). */
  fresh: boolean;
  applied: string[];
}

export async function bootstrap(
  client: pg.ClientBase,
  log: (line: string) => void,
  sqlDir = BOOTSTRAP_SQL_DIR,
): Promise<BootstrapResult> {
  const fresh = !(await isBootstrapped(client));
  if (fresh) {
    await client.query(`create schema if not exists _supabase_local;
      create table if not exists _supabase_local.bootstrap_files (
        name text primary key, applied_at timestamptz not null default now());`);
  }
  const done = new Set(
    (
      await client.query<{ name: string }>("select name from _supabase_local.bootstrap_files")
    ).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of await readSqlFiles(sqlDir)) {
    if (done.has(file.name)) continue;
    try {
      await inTransaction(client, async () => {
        await client.query(file.sql);
        await client.query("insert into _supabase_local.bootstrap_files (name) values ($1)", [
          file.name,
        ]);
      });
    } catch (error) {
      throw new StartError(`bootstrap failed: ${describeSqlError(error, file.path, file.sql)}`);
    }
    applied.push(file.name);
  }
  if (applied.length > 0) log(`bootstrap: applied ${applied.join(", ")}`);
  return { fresh, applied };
}

async function isBootstrapped(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>(
    "select to_regclass('_supabase_local.bootstrap_files') is not null as exists",
  );
  return rows[0]?.exists === true;
}
