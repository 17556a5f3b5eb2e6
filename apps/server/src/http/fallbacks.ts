// Unknown routes and unexpected errors. A 500 says only that something failed and which request
// it was; the details go to the log.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger.ts";
import { trpcStyleError } from "./trpc-style-error.ts";

export function notFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).json(trpcStyleError("NOT_FOUND", 404, "Not found"));
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status = httpStatusOf(error);
    if (status >= 500)
      logger.error({ err: error, requestId: res.locals.requestId }, "unhandled error");
    if (res.headersSent) return void res.end();
    const message =
      status >= 500 ? `Internal error (request ${res.locals.requestId})` : "Bad request";
    res
      .status(status)
      .json(
        trpcStyleError(status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", status, message),
      );
  };
}

/** Client errors that Express or body parsers raise carry a 4xx status; keep it. */
function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : 500;
}
