// Starts the real app (createApp) against a running stack on a free port, with its log lines
// collected so tests can assert what was (and was not) logged.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type AccessTokenVerifierOptions, createAccessTokenVerifier } from "@docket/auth";
import { type AppDeps, createApp } from "../../src/app.ts";
import { supabaseReadinessChecks } from "../../src/health/readiness.ts";
import { createLogger } from "../../src/logger.ts";

export interface StackKeys {
  apiUrl: string;
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  onLogLine: (line: string) => void;
  verifier?: Partial<AccessTokenVerifierOptions>;
  overrides?: Partial<AppDeps>;
  /** Fetch the JWKS before listening (default true), as main.ts does. */
  warm?: boolean;
}

export async function startServer(
  stack: StackKeys,
  options: ServerOptions,
): Promise<RunningServer> {
  const logger = createLogger({
    level: "debug",
    secrets: [stack.secretKey, stack.jwtSecret],
    destination: { write: options.onLogLine },
  });
  const verifier = createAccessTokenVerifier({ supabaseUrl: stack.apiUrl, ...options.verifier });
  const app = createApp({
    api: {
      supabaseUrl: stack.apiUrl,
      publishableKey: stack.publishableKey,
      secretKey: stack.secretKey,
    },
    verifier,
    logger,
    corsOrigins: ["http://localhost:5173"],
    bodyLimitBytes: 1024 * 1024,
    maxBatchSize: 10,
    rateLimits: {
      ip: { perMinute: 60_000, burst: 5_000 },
      user: { perMinute: 60_000, burst: 2_000 },
    },
    trustProxy: false,
    readinessChecks: supabaseReadinessChecks({
      supabaseUrl: stack.apiUrl,
      publishableKey: stack.publishableKey,
      secretKey: stack.secretKey,
      verifier,
    }),
    ...options.overrides,
  });
  if (options.warm !== false) await verifier.warm();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
