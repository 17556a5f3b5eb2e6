export type { Config } from "./config/schema.ts";
export type { StackContext } from "./stack/context.ts";
export { start } from "./stack/start.ts";
export type { RunningStack, StackInfo, StartOptions } from "./stack/types.ts";
