import { Logger, runMigrations } from "graphile-worker";

export interface InstallQueueSchemaOptions {
  /** graphile-worker's schema; Docket's SQL expects the default `graphile_worker`. */
  schema?: string;
  /** Print graphile-worker's own migration messages (quiet by default so test output stays clean). */
  verbose?: boolean;
}

const silentLogger = new Logger(() => () => {});

/**
 * Creates or upgrades graphile-worker's schema (its `runMigrations`). Run it once after the
 * database is up and before anything enqueues; it is idempotent, so calling it again is harmless.
 * On a hosted Supabase project, run `graphile-worker --schema-only -c <DATABASE_URL>` instead.
 */
export async function installQueueSchema(
  connectionString: string,
  options: InstallQueueSchemaOptions = {},
): Promise<void> {
  await runMigrations({
    connectionString,
    schema: options.schema ?? "graphile_worker",
    ...(options.verbose ? {} : { logger: silentLogger }),
  });
}
