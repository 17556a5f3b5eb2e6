import { inject } from "vitest";
import { defaultConfig, type WorkerConfig } from "../../src/config.ts";
import { type DocketWorker, type StartOptions, startWorker } from "../../src/runner.ts";

/** A worker in this test process, on the shared stack; logs are collected, not printed. */
export async function startTestWorker(
  overrides: Partial<WorkerConfig> = {},
  options: StartOptions = {},
): Promise<DocketWorker & { logs: Record<string, unknown>[] }> {
  const stack = inject("stack");
  const logs: Record<string, unknown>[] = [];
  const worker = await startWorker(
    defaultConfig({
      databaseUrl: stack.dbUrl,
      supabaseUrl: stack.apiUrl,
      secretKey: stack.secretKey,
      pollIntervalMs: 200,
      logLevel: "debug",
      ...overrides,
    }),
    { handleSignals: false, noCron: true, sink: (line) => logs.push(JSON.parse(line)), ...options },
  );
  return Object.assign(worker, { logs });
}
