import type { RunningStack, StartOptions } from "./types.ts";

export async function start(_options: StartOptions = {}): Promise<RunningStack> {
  throw new Error("supabase-local: start() is not built yet");
}
