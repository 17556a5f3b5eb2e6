// Errors answered by Express itself (before tRPC runs) use tRPC's error envelope, so the tRPC
// client shows a proper message and code instead of failing to parse the body.
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";

export function trpcStyleError(code: TRPC_ERROR_CODE_KEY, httpStatus: number, message: string) {
  return { error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus } } };
}
