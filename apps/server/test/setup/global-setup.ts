// One stack and one server for the whole run: start supabase-local from the repo's supabase/
// folder, install graphile-worker's schema, then the real server on a free port. Its log lines
// are appended to a file the tests read (to prove no token or secret is ever logged).
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installQueueSchema } from "@docket/jobs";
import { type StackInfo, startTestStack } from "@docket/supabase-local/testing";
import type { TestProject } from "vitest/node";
import { startServer } from "../helpers/start-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
    server: { url: string; logFile: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startTestStack();
  const logDir = mkdtempSync(join(tmpdir(), "docket-server-logs-"));
  const logFile = join(logDir, "server.log");
  writeFileSync(logFile, "");
  try {
    await installQueueSchema(stack.dbUrl);
    const server = await startServer(stack, { onLogLine: (line) => appendFileSync(logFile, line) });
    const { context: _context, stop: _stop, ...info } = stack;
    project.provide("stack", info);
    project.provide("server", { url: server.url, logFile });
    return async () => {
      await server.close();
      await stack.stop();
      rmSync(logDir, { recursive: true, force: true });
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
