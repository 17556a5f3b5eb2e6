// /healthz: the process is up (liveness, no dependencies). /readyz: dependencies answer and the
// server is not shutting down (readiness); failing check names are shown, reasons only logged.
import { Router } from "express";
import type { Logger } from "../logger.ts";
import { type ReadinessCheck, runReadiness } from "./readiness.ts";

export interface HealthOptions {
  checks: Record<string, ReadinessCheck>;
  isShuttingDown: () => boolean;
  logger: Logger;
}

export function healthRoutes(options: HealthOptions): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (options.isShuttingDown())
      return void res.status(503).json({ ready: false, checks: {}, shuttingDown: true });
    const { report, failures } = await runReadiness(options.checks);
    if (!report.ready) {
      options.logger.warn(
        { requestId: res.locals.requestId, failures: describe(failures) },
        "not ready",
      );
    }
    res.status(report.ready ? 200 : 503).json(report);
  });
  return router;
}

function describe(failures: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(failures).map(([name, reason]) => [
      name,
      reason instanceof Error ? reason.message : String(reason),
    ]),
  );
}
