// Errors answered by Express itself (before tRPC runs) use tRPC's error envelope — one per call
// for a batch request — so the tRPC client shows a proper message and code instead of failing
// to parse the body.

import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { Request } from "express";

export function trpcStyleError(code: TRPC_ERROR_CODE_KEY, httpStatus: number, message: string) {
  return { error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus } } };
}

/** The body for `req`: an array with one error per batched call, or a single error. */
export function trpcStyleErrorFor(
  req: Request,
  code: TRPC_ERROR_CODE_KEY,
  httpStatus: number,
  message: string,
) {
  const error = trpcStyleError(code, httpStatus, message);
  if (req.query.batch !== "1") return error;
  const calls = req.path.replace(/^\//, "").split(",").length;
  return Array.from({ length: calls }, () => error);
}
