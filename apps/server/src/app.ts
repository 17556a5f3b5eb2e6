// Builds the HTTP app from explicit dependencies, so tests and the benchmark can start it on any
// port against any stack. main.ts is the only place that reads the environment.
import "./http/locals.ts";
import { type ApiDeps, appRouter } from "@docket/api";
import type { AccessTokenVerifier } from "@docket/auth";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type Express } from "express";
import type { ReadinessCheck } from "./health/readiness.ts";
import { healthRoutes } from "./health/routes.ts";
import { cors } from "./http/cors.ts";
import { errorHandler, notFound } from "./http/fallbacks.ts";
import { ipRateLimit } from "./http/ip-rate-limit.ts";
import { requestId } from "./http/request-id.ts";
import { requestLog } from "./http/request-log.ts";
import { singleWriteResponse } from "./http/single-write-response.ts";
import { type BucketRule, TokenBucketLimiter } from "./limits/token-bucket.ts";
import type { Logger } from "./logger.ts";
import { headersForErrors } from "./trpc/auth-errors.ts";
import { createContextFactory } from "./trpc/create-context.ts";

export interface AppDeps {
  api: ApiDeps;
  verifier: AccessTokenVerifier;
  logger: Logger;
  corsOrigins: readonly string[];
  bodyLimitBytes: number;
  maxBatchSize: number;
  rateLimits: { ip: BucketRule; user: BucketRule };
  /** Trust one proxy hop for the client IP (X-Forwarded-For). */
  trustProxy: boolean;
  readinessChecks: Record<string, ReadinessCheck>;
  isShuttingDown?: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ? 1 : false);
  app.set("etag", false);

  app.use(requestId());
  app.use(requestLog(deps.logger));
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  });
  app.use(cors(deps.corsOrigins));
  app.use(
    healthRoutes({
      checks: deps.readinessChecks,
      isShuttingDown: deps.isShuttingDown ?? (() => false),
      logger: deps.logger,
    }),
  );

  app.use(
    "/trpc",
    ipRateLimit(new TokenBucketLimiter(deps.rateLimits.ip)),
    singleWriteResponse(),
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory({
        verifier: deps.verifier,
        userLimiter: new TokenBucketLimiter(deps.rateLimits.user),
        // The API logs through the server's logger (same redaction) unless told otherwise.
        api: { ...deps.api, logger: deps.api.logger ?? deps.logger },
      }),
      maxBodySize: deps.bodyLimitBytes,
      maxBatchSize: deps.maxBatchSize,
      allowMethodOverride: false,
      responseMeta: ({ errors }) => ({ headers: headersForErrors(errors) }),
      onError: ({ error, path, ctx }) => {
        if (error.code !== "INTERNAL_SERVER_ERROR") return;
        deps.logger.error({ err: error, path, requestId: ctx?.requestId }, "procedure failed");
      },
    }),
  );

  app.use(notFound());
  app.use(errorHandler(deps.logger));
  return app;
}
