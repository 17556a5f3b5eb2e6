// Entry point: read the environment, build the app, pre-warm the signing keys, listen, and shut
// down gracefully on SIGTERM/SIGINT.
import { createServer } from "node:http";
import { createAccessTokenVerifier } from "@docket/auth";
import { loadServerEnv } from "@docket/env";
import { createApp } from "./app.ts";
import { supabaseReadinessChecks } from "./health/readiness.ts";
import { createLogger } from "./logger.ts";
import { gracefulShutdown, onTerminationSignals } from "./shutdown.ts";

const env = loadServerEnv();
const secrets = [env.SUPABASE_SECRET_KEY, env.SUPABASE_JWT_SECRET ?? ""];
const logger = createLogger({ level: env.LOG_LEVEL, secrets });
const verifier = createAccessTokenVerifier({
  supabaseUrl: env.SUPABASE_URL,
  jwtSecret: env.SUPABASE_JWT_SECRET,
});

let shutdown: ReturnType<typeof gracefulShutdown> | null = null;
const app = createApp({
  api: {
    supabaseUrl: env.SUPABASE_URL,
    publishableKey: env.SUPABASE_PUBLISHABLE_KEY,
    secretKey: env.SUPABASE_SECRET_KEY,
  },
  verifier,
  logger,
  corsOrigins: env.CORS_ORIGINS,
  bodyLimitBytes: env.BODY_LIMIT_BYTES,
  maxBatchSize: env.TRPC_MAX_BATCH_SIZE,
  rateLimits: {
    ip: { perMinute: env.RATE_LIMIT_IP_PER_MINUTE, burst: env.RATE_LIMIT_IP_BURST },
    user: { perMinute: env.RATE_LIMIT_USER_PER_MINUTE, burst: env.RATE_LIMIT_USER_BURST },
  },
  trustProxy: env.TRUST_PROXY,
  readinessChecks: supabaseReadinessChecks({
    supabaseUrl: env.SUPABASE_URL,
    publishableKey: env.SUPABASE_PUBLISHABLE_KEY,
    secretKey: env.SUPABASE_SECRET_KEY,
    verifier,
  }),
  isShuttingDown: () => shutdown?.isShuttingDown() ?? false,
});

// Fetch the JWKS before the first request needs it. Failing here is not fatal: /readyz reports it
// and requests answer 503 until Auth is reachable.
try {
  await verifier.warm();
} catch (error) {
  logger.warn({ err: error }, "could not pre-fetch the signing keys; will retry on demand");
}

const server = createServer(app);
shutdown = gracefulShutdown(server, logger);
onTerminationSignals(shutdown, (code) => process.exit(code));
server.listen(env.PORT, env.HOST, () => {
  logger.info({ url: `http://${env.HOST}:${env.PORT}` }, "server listening");
});
