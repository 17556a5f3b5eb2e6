// The real worker (graphile-worker with Docket's tasks) in this process, against the test stack.
import type { StackInfo } from "@docket/supabase-local/testing";
import { defaultConfig, startWorker } from "@docket/worker";

export interface RunningWorker {
  stop(): Promise<void>;
}

export async function startTestWorker(stack: StackInfo, appUrl: string): Promise<RunningWorker> {
  const worker = await startWorker(
    defaultConfig({
      databaseUrl: stack.dbUrl,
      supabaseUrl: stack.apiUrl,
      secretKey: stack.secretKey,
      appUrl,
      concurrency: 4,
      // Pick new jobs up quickly: the flows watch progress in real time.
      pollIntervalMs: 500,
      logLevel: "warning",
    }),
    {
      handleSignals: false,
      noCron: true,
      sink: (line) => process.stderr.write(`worker: ${line}\n`),
    },
  );
  return { stop: () => worker.stop() };
}
