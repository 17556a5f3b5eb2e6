// Brings the database of a stack to the state the app expects: Postgres running (embedded, or an
// existing server), Supabase's bootstrap, the app's migrations, then the seed on a new database.
import pg from "pg";
import type { Config } from "../config/schema.ts";
import { bootstrap } from "../db/bootstrap.ts";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { findFreePort } from "../db/free-port.ts";
import { applyMigrations } from "../db/migrations.ts";
import { applySeed } from "../db/seed.ts";
import { dataPaths } from "./data-dir.ts";
import { StartError } from "./errors.ts";

export interface Database {
  url: string;
  stop(): Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  port: number;
  databaseUrl?: string | undefined;
  ephemeral?: boolean | undefined;
  clusterTemplate?: string | false | undefined;
  log: (line: string) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, stop: async () => {} };
  const port = options.port === 0 ? await findFreePort() : options.port;
  return startEmbeddedPostgres({
    dir: dataPaths(options.dataDir).postgres,
    port,
    ephemeral: options.ephemeral,
    clusterTemplate: options.clusterTemplate,
    log: options.log,
  });
}

export interface MigrateOptions {
  url: string;
  config: Config;
  supabaseDir: string;
  authenticatorPassword: string;
  log: (line: string) => void;
}

export async function migrateDatabase(options: MigrateOptions): Promise<void> {
  const client = new pg.Client({ connectionString: options.url });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const { hostname, port, pathname } = new URL(options.url);
    throw new StartError(
      `cannot connect to Postgres at ${hostname}:${port}${pathname}: ${String(error)}`,
    );
  }
  try {
    await bootstrap(client, options.log);
    await client.query(
      `alter role authenticator with login password ${client.escapeLiteral(options.authenticatorPassword)}`,
    );
    await applyMigrations(client, `${options.supabaseDir}/migrations`, options.log);
    await applySeed(client, options.config, options.supabaseDir, options.log);
  } finally {
    await client.end().catch(() => undefined);
  }
}
