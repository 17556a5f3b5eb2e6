// Environment of apps/server (the Express + tRPC API). The secret key lives only here and in the
// worker's env, never under a VITE_ name.
import { z } from "zod";
import { type EnvOf, LOCAL_HINT, loadEnvOrExit, parseEnv } from "./parse.ts";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const DEV_ORIGINS = [5173, 5174]
  .flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`])
  .join(",");

export const serverEnvShape = {
  SUPABASE_URL: { schema: z.url(), hint: LOCAL_HINT },
  SUPABASE_PUBLISHABLE_KEY: { schema: z.string().min(20), hint: LOCAL_HINT },
  SUPABASE_SECRET_KEY: { schema: z.string().min(20), hint: LOCAL_HINT },
  SUPABASE_JWT_SECRET: {
    schema: z.string().min(32).optional(),
    hint: "only for projects that still sign tokens with the legacy HS256 secret; leave unset otherwise",
  },
  HOST: { schema: z.string().default("127.0.0.1"), hint: "interface to listen on" },
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(3001), hint: "a TCP port" },
  CORS_ORIGINS: {
    schema: z
      .string()
      .default(DEV_ORIGINS)
      .transform((list) =>
        list
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url())),
    hint: "comma-separated browser origins allowed to call the API, e.g. https://app.example.com",
  },
  LOG_LEVEL: {
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    hint: "one of fatal, error, warn, info, debug, trace, silent",
  },
  TRUST_PROXY: {
    schema: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    hint: "true when behind one reverse proxy that sets X-Forwarded-For",
  },
  BODY_LIMIT_BYTES: { schema: positiveInt(8 * 1024 * 1024), hint: "largest request body, bytes" },
  TRPC_MAX_BATCH_SIZE: { schema: positiveInt(10), hint: "most calls in one batched request" },
  RATE_LIMIT_IP_PER_MINUTE: { schema: positiveInt(1200), hint: "sustained requests per IP" },
  RATE_LIMIT_IP_BURST: { schema: positiveInt(300), hint: "requests an IP may make at once" },
  RATE_LIMIT_USER_PER_MINUTE: { schema: positiveInt(600), hint: "sustained requests per user" },
  RATE_LIMIT_USER_BURST: { schema: positiveInt(120), hint: "requests a user may make at once" },
};

export type ServerEnv = EnvOf<typeof serverEnvShape>;

export function parseServerEnv(source?: Record<string, string | undefined>): ServerEnv {
  return parseEnv(serverEnvShape, source);
}

export function loadServerEnv(): ServerEnv {
  return loadEnvOrExit(serverEnvShape, "server");
}
