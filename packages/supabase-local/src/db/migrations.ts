// Applies supabase/migrations/*.sql as `supabase db reset` / `supabase start` do: file-name order,
// one transaction per file, recorded in supabase_migrations.schema_migrations(version, name,
// statements) in that same transaction, so a file is never applied twice and a failing file
// leaves the database exactly as it was before it.
import type pg from "pg";
import { StartError } from "../stack/errors.ts";
import { splitStatements } from "./split-statements.ts";
import { describeSqlError } from "./sql-error.ts";
import { readSqlFiles } from "./sql-files.ts";
import { inTransaction } from "./transaction.ts";

/** The CLI's pattern: `<digits>_<name>.sql`; other files in the folder are skipped. */
const MIGRATION_NAME = /^(\d+)_(.*)\.sql$/;

export async function ensureMigrationTable(client: pg.ClientBase): Promise<void> {
  await client.query(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
    alter table supabase_migrations.schema_migrations add column if not exists statements text[];
    alter table supabase_migrations.schema_migrations add column if not exists name text;`);
}

export async function applyMigrations(
  client: pg.ClientBase,
  migrationsDir: string,
  log: (line: string) => void,
): Promise<string[]> {
  await ensureMigrationTable(client);
  const { rows } = await client.query<{ version: string }>(
    "select version from supabase_migrations.schema_migrations",
  );
  const done = new Set(rows.map((r) => r.version));
  const applied: string[] = [];
  for (const file of await readSqlFiles(migrationsDir)) {
    const match = MIGRATION_NAME.exec(file.name);
    if (!match) {
      log(`migrations: skipping ${file.name} (name must be <timestamp>_<name>.sql)`);
      continue;
    }
    const [, version = "", name = ""] = match;
    if (done.has(version)) continue;
    try {
      await inTransaction(client, async () => {
        await client.query(file.sql);
        await client.query(
          "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
          [version, name, splitStatements(file.sql)],
        );
      });
    } catch (error) {
      throw new StartError(`migration failed: ${describeSqlError(error, file.path, file.sql)}`);
    }
    done.add(version);
    applied.push(file.name);
    log(`migrations: applied ${file.name}`);
  }
  return applied;
}
