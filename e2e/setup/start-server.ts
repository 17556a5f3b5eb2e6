// The real API server (createApp from apps/server) on a free port, allowing the test site's origin.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAccessTokenVerifier } from "@docket/auth";
import { createApp } from "@docket/server";
import type { StackInfo } from "@docket/supabase-local/testing";
import pino from "pino";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(
  stack: StackInfo,
  webOrigins: string[],
): Promise<RunningServer> {
  // jwtSecret lets the verifier check legacy HS256 tokens too, as a project with a legacy secret does.
  const verifier = createAccessTokenVerifier({
    supabaseUrl: stack.apiUrl,
    jwtSecret: stack.jwtSecret,
  });
  const app = createApp({
    api: {
      supabaseUrl: stack.apiUrl,
      publishableKey: stack.publishableKey,
      secretKey: stack.secretKey,
    },
    verifier,
    logger: pino({ level: "warn" }),
    corsOrigins: webOrigins,
    bodyLimitBytes: 16 * 1024 * 1024,
    maxBatchSize: 20,
    rateLimits: {
      ip: { perMinute: 60_000, burst: 5_000 },
      user: { perMinute: 60_000, burst: 2_000 },
    },
    trustProxy: false,
    readinessChecks: {},
  });
  await verifier.warm();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
