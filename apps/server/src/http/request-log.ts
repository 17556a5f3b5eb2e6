// One log line per request when it finishes: method, path (never the query string, which holds
// tRPC inputs), status, duration, request id, the user id if verified, and why auth failed if it did.
import type { RequestHandler } from "express";
import type { Logger } from "../logger.ts";

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: mounted routers strip their prefix from req.url while they run.
    const path = req.path;
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info";
      logger[level]({
        requestId: res.locals.requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        userId: res.locals.userId,
        // A 401 without a refused token means none was sent to a procedure that needs one.
        authFailure: res.locals.authFailure ?? (res.statusCode === 401 ? "missing" : undefined),
      });
    });
    next();
  };
}
