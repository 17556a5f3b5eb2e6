export type { FieldErrors } from "./lib/field-errors.ts";
export {
  ALLOWED_FILE_TYPES,
  MAX_TEXT_CHARS,
  MAX_UPLOAD_BYTES,
} from "./lib/upload-limits.ts";
export type { ApiLogger } from "./logger.ts";
export { type AppRouter, appRouter } from "./root.ts";
export {
  type ApiDeps,
  type Context,
  type CreateContextOptions,
  createCallerFactory,
  createContextInner,
} from "./trpc.ts";
