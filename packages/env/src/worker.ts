// Environment of apps/worker (graphile-worker). It holds the secret key (status, outputs and
// notifications are written with it) and a direct or session-pooler DATABASE_URL: the
// transaction pooler breaks LISTEN/NOTIFY, which graphile-worker relies on.
import { z } from "zod";
import { type EnvOf, LOCAL_HINT, loadEnvOrExit, parseEnv } from "./parse.ts";

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

export const workerEnvShape = {
  DATABASE_URL: {
    schema: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
    hint: `${LOCAL_HINT}; on Supabase use the direct or session-pooler (port 5432) string, never the transaction pooler (6543)`,
  },
  SUPABASE_URL: { schema: z.url(), hint: LOCAL_HINT },
  SUPABASE_SECRET_KEY: { schema: z.string().min(20), hint: LOCAL_HINT },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .default("smtp://127.0.0.1:54325"),
    hint: "smtp://user:pass@host:port of the mail server (default: the local mailbox)",
  },
  MAIL_FROM: {
    schema: z.string().min(3).default("Docket <no-reply@docket.local>"),
    hint: "sender",
  },
  APP_URL: { schema: z.url().default("http://127.0.0.1:5173"), hint: "web app base URL for links" },
  WORKER_CONCURRENCY: {
    schema: int(1, 32),
    hint: "jobs run at once by one worker process (most wait on the network)",
  },
  WORKER_DOCUMENT_CONCURRENCY: {
    schema: int(1, 2),
    hint: "documents analysed at once per process (CPU and memory bound)",
  },
  WORKER_LOCAL_QUEUE_SIZE: { schema: int(-1, 64), hint: "jobs fetched per batch (-1 disables)" },
  WORKER_COMPLETE_BATCH_MS: {
    schema: int(-1, 10),
    hint: "completion batching window, ms (-1 off)",
  },
  WORKER_FAIL_BATCH_MS: { schema: int(-1, 10), hint: "failure batching window, ms (-1 off)" },
  WORKER_STATUS_BATCH_MS: { schema: int(0, 0), hint: "jobs-row status batching window, ms" },
  WORKER_STATUS_VIA: {
    schema: z.enum(["data-api", "sql"]).default("data-api"),
    hint: "data-api (secret key, default) or sql (the worker's own connection)",
  },
  WORKER_POLL_INTERVAL_MS: { schema: int(100, 2000), hint: "poll interval for future jobs, ms" },
  WORKER_HEARTBEAT_MS: { schema: int(500, 5000), hint: "heartbeat interval, ms" },
  WORKER_DEAD_AFTER_MS: {
    schema: int(1000, 20000),
    hint: "missed-heartbeat age that marks a worker dead, ms",
  },
  WORKER_SHUTDOWN_TIMEOUT_MS: {
    schema: int(0, 25000),
    hint: "drain time on SIGTERM before aborting jobs, ms",
  },
  LOG_LEVEL: {
    schema: z.enum(["error", "warning", "info", "debug"]).default("info"),
    hint: "one of error, warning, info, debug",
  },
};

export type WorkerEnv = EnvOf<typeof workerEnvShape>;

export function parseWorkerEnv(source?: Record<string, string | undefined>): WorkerEnv {
  return parseEnv(workerEnvShape, source);
}

export function loadWorkerEnv(): WorkerEnv {
  return loadEnvOrExit(workerEnvShape, "worker");
}
