import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";

export interface InstallQueueSchemaOptions {
  /** graphile-worker's schema; Docket's SQL expects the default `graphile_worker`. */
  schema?: string;
  /** Print graphile-worker's own migration messages (quiet by default so test output stays clean). */
  verbose?: boolean;
}

const silentLogger = new Logger(() => () => {});

// The Data API roles must never reach the queue. Nothing grants them the schema today; this
// makes sure of it (also after a manual grant) on every install. Roles a plain Postgres does
// not have are skipped.
async function closeToApiRoles(client: pg.Client, schema: string): Promise<void> {
  const target = client.escapeIdentifier(schema);
  await client.query(`revoke all on schema ${target} from public`);
  const { rows } = await client.query<{ rolname: string }>(
    "select rolname from pg_roles where rolname = any($1)",
    [["anon", "authenticated"]],
  );
  for (const { rolname } of rows) {
    const role = client.escapeIdentifier(rolname);
    await client.query(`revoke all on schema ${target} from ${role}`);
    await client.query(`revoke all on all tables in schema ${target} from ${role}`);
    await client.query(`revoke all on all functions in schema ${target} from ${role}`);
  }
}

/**
 * Creates or upgrades graphile-worker's schema (its `runMigrations`) and keeps it closed to the
 * Data API roles. Run it once after the database is up and before anything enqueues; it is
 * idempotent. On a hosted Supabase project, run `graphile-worker --schema-only` instead.
 */
export async function installQueueSchema(
  connectionString: string,
  options: InstallQueueSchemaOptions = {},
): Promise<void> {
  const schema = options.schema ?? "graphile_worker";
  await runMigrations({
    connectionString,
    schema,
    ...(options.verbose ? {} : { logger: silentLogger }),
  });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await closeToApiRoles(client, schema);
  } finally {
    await client.end();
  }
}
