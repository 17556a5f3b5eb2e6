import type { WorkerEnv } from "@docket/env";

/** Everything the worker needs, resolved once; tests build it from a running stack. */
export interface WorkerConfig {
  databaseUrl: string;
  supabaseUrl: string;
  secretKey: string;
  smtpUrl: string;
  mailFrom: string;
  appUrl: string;
  concurrency: number;
  /** Documents analysed at once per process (CPU and memory bound), within `concurrency`. */
  documentConcurrency: number;
  /** Jobs a pool fetches and locks per query; -1 disables the local queue. */
  localQueueSize: number;
  completeJobBatchDelayMs: number;
  failJobBatchDelayMs: number;
  /** How long a jobs-row status write waits for others to share its round trip. */
  statusBatchDelayMs: number;
  /** Status writes through the Data API with the secret key (default) or straight over SQL. */
  statusVia: "data-api" | "sql";
  pollIntervalMs: number;
  heartbeatIntervalMs: number;
  /** A pool whose heartbeat is older than this is dead and its jobs are unlocked. */
  deadAfterMs: number;
  shutdownTimeoutMs: number;
  logLevel: "error" | "warning" | "info" | "debug";
}

export function configFromEnv(env: WorkerEnv): WorkerConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    supabaseUrl: env.SUPABASE_URL,
    secretKey: env.SUPABASE_SECRET_KEY,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    appUrl: env.APP_URL,
    concurrency: env.WORKER_CONCURRENCY,
    documentConcurrency: env.WORKER_DOCUMENT_CONCURRENCY,
    localQueueSize: env.WORKER_LOCAL_QUEUE_SIZE,
    completeJobBatchDelayMs: env.WORKER_COMPLETE_BATCH_MS,
    failJobBatchDelayMs: env.WORKER_FAIL_BATCH_MS,
    statusBatchDelayMs: env.WORKER_STATUS_BATCH_MS,
    statusVia: env.WORKER_STATUS_VIA,
    pollIntervalMs: env.WORKER_POLL_INTERVAL_MS,
    heartbeatIntervalMs: env.WORKER_HEARTBEAT_MS,
    deadAfterMs: env.WORKER_DEAD_AFTER_MS,
    shutdownTimeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS,
    logLevel: env.LOG_LEVEL,
  };
}

/** Defaults for everything but the connection details (used by tests and benchmarks). */
export function defaultConfig(
  connection: Pick<WorkerConfig, "databaseUrl" | "supabaseUrl" | "secretKey"> &
    Partial<WorkerConfig>,
): WorkerConfig {
  return {
    smtpUrl: "smtp://127.0.0.1:54325",
    mailFrom: "Docket <no-reply@docket.local>",
    appUrl: "http://127.0.0.1:5173",
    concurrency: 32,
    documentConcurrency: 2,
    localQueueSize: 64,
    completeJobBatchDelayMs: 10,
    failJobBatchDelayMs: 10,
    statusBatchDelayMs: 0,
    statusVia: "data-api",
    pollIntervalMs: 2000,
    heartbeatIntervalMs: 5000,
    deadAfterMs: 20000,
    shutdownTimeoutMs: 25000,
    logLevel: "info",
    ...connection,
  };
}
