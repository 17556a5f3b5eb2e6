import { createSecretClient, type TypedSupabaseClient } from "@docket/supabase";
import pg from "pg";
import type { WorkerConfig } from "./config.ts";
import { createLog, type Log, type Sink } from "./log.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { dataApiTransport, sqlTransport } from "./tracking/status-transport.ts";
import { JobStatusWriter } from "./tracking/status-writer.ts";

/** What tasks share: the secret-key client, the batched status writer, the mailer and the log. */
export interface WorkerDeps {
  config: WorkerConfig;
  log: Log;
  supabase: TypedSupabaseClient;
  status: JobStatusWriter;
  mailer: Mailer;
  /** Flushes pending status writes and closes connections. */
  close(): Promise<void>;
}

export function createDeps(config: WorkerConfig, sink?: Sink): WorkerDeps {
  const supabase = createSecretClient({ url: config.supabaseUrl, secretKey: config.secretKey });
  const pool =
    config.statusVia === "sql"
      ? new pg.Pool({ connectionString: config.databaseUrl, max: 4 })
      : null;
  const transport = pool ? sqlTransport(pool) : dataApiTransport(supabase);
  const status = new JobStatusWriter(transport, config.statusBatchDelayMs);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  return {
    config,
    log: createLog(config.logLevel, sink),
    supabase,
    status,
    mailer,
    async close() {
      await status.flush();
      mailer.close();
      await pool?.end();
    },
  };
}
