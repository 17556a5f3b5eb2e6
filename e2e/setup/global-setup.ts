// One whole system for the e2e run: supabase-local, graphile-worker's schema, the API server, the
// worker, and the web app built for those URLs and served like a static host would.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { installQueueSchema } from "@docket/jobs";
import { type StackInfo, startTestStack } from "@docket/supabase-local/testing";
import type { TestProject } from "vitest/node";
import { buildApp } from "./build-app.ts";
import { startApiServer } from "./start-server.ts";
import { startTestWorker } from "./start-worker.ts";
import { serveStatic } from "./static-server.ts";
import { startTokenMinter } from "./token-minter.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
    e2e: { webUrl: string; serverUrl: string; webDist: string; tokenMinterUrl: string };
  }
}

const WEB_DIR = fileURLToPath(new URL("../../apps/web/", import.meta.url));
// The flows send no e-mail from the worker; point it at a port that refuses rather than at
// whatever local mailbox happens to run on this machine.
const SMTP_URL = "smtp://127.0.0.1:9";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const stack = await startTestStack();
    cleanups.push(() => stack.stop());
    await installQueueSchema(stack.dbUrl);

    const webDist = await mkdtemp(join(tmpdir(), "docket-e2e-web-"));
    cleanups.push(() => rm(webDist, { recursive: true, force: true }));
    // The site listens first: the server's CORS allow-list and the build need its origin.
    const site = await serveStatic(webDist);
    cleanups.push(() => site.close());
    const server = await startApiServer(stack, [site.url]);
    cleanups.push(() => server.close());
    const worker = await startTestWorker(stack, { appUrl: site.url, smtpUrl: SMTP_URL });
    cleanups.push(() => worker.stop());
    const minter = await startTokenMinter(stack);
    cleanups.push(() => minter.close());

    await buildApp(WEB_DIR, webDist, {
      VITE_SUPABASE_URL: stack.apiUrl,
      VITE_SUPABASE_PUBLISHABLE_KEY: stack.publishableKey,
      VITE_API_URL: server.url,
    });

    const { context: _context, stop: _stop, ...info } = stack;
    project.provide("stack", info);
    project.provide("e2e", {
      webUrl: site.url,
      serverUrl: server.url,
      webDist,
      tokenMinterUrl: minter.url,
    });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
