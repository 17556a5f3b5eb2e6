// Brings the database of a stack to the state the app expects: Postgres running (embedded, or an
// existing server), Supabase's bootstrap, the app's migrations, then the seed on a new database.
import { tmpdir } from "node:os";
import pg from "pg";
import type { Config } from "../config/schema.ts";
import { BOOTSTRAP_SQL_DIR, bootstrap } from "../db/bootstrap.ts";
import { clusterTemplates } from "../db/cluster-template.ts";
import { INITDB_FLAGS, startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { findFreePort } from "../db/free-port.ts";
import { applyMigrations } from "../db/migrations.ts";
import { applySeed } from "../db/seed.ts";
import { dataPaths } from "./data-dir.ts";
import { StartError } from "./errors.ts";

export interface Database {
  url: string;
  stop(): Promise<void>;
  /** Set on a new embedded cluster that was not copied bootstrapped: caches it once bootstrapped. */
  saveBootstrapped?: () => Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  port: number;
  databaseUrl?: string | undefined;
  ephemeral?: boolean | undefined;
  templateCache?: string | false | undefined;
  log: (line: string) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, stop: async () => {} };
  const port = options.port === 0 ? await findFreePort() : options.port;
  const templates =
    options.templateCache === false
      ? undefined
      : await clusterTemplates(options.templateCache ?? tmpdir(), INITDB_FLAGS, BOOTSTRAP_SQL_DIR);
  const server = await startEmbeddedPostgres({
    dir: dataPaths(options.dataDir).postgres,
    port,
    ephemeral: options.ephemeral,
    templates,
    log: options.log,
  });
  const database: Database = { url: server.url, stop: server.stop };
  if (templates && server.created && !server.preBootstrapped) {
    database.saveBootstrapped = () => server.snapshot(templates.bootstrapped);
  }
  return database;
}

export interface PrepareOptions {
  config: Config;
  supabaseDir: string;
  authenticatorPassword: string;
  log: (line: string) => void;
}

export async function prepareDatabase(db: Database, options: PrepareOptions): Promise<void> {
  await withClient(db.url, (client) => bootstrap(client, options.log));
  if (db.saveBootstrapped) {
    await db.saveBootstrapped();
    options.log("saved the bootstrapped cluster as a template for new data folders");
  }
  await withClient(db.url, async (client) => {
    const password = client.escapeLiteral(options.authenticatorPassword);
    await client.query(`alter role authenticator with login password ${password}`);
    await applyMigrations(client, `${options.supabaseDir}/migrations`, options.log);
    await applySeed(client, options.config, options.supabaseDir, options.log);
  });
}

async function withClient(
  url: string,
  work: (client: pg.Client) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    throw new StartError(
      `cannot connect to Postgres at ${hostname}:${port}${pathname}: ${String(error)}`,
    );
  }
  try {
    await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
