// One whole system for the e2e run: supabase-local, graphile-worker's schema, the API server, the
// worker (its own process), and the browser apps built for those URLs and served the way a static
// host would. The admin app is built and served too once it exists.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { installQueueSchema } from "@docket/jobs";
import { type RunningStack, type StackInfo, startTestStack } from "@docket/supabase-local/testing";
import type { TestProject } from "vitest/node";
import { buildApp } from "./build-app.ts";
import { type GithubAccount, startFakeGithub } from "./fake-github.ts";
import { startApiServer } from "./start-server.ts";
import { startTestWorker } from "./start-worker.ts";
import { type StaticSite, serveStatic } from "./static-server.ts";
import { supabaseDirWithGithub } from "./supabase-dir.ts";
import { startTokenMinter } from "./token-minter.ts";

export interface E2eInfo {
  webUrl: string;
  /** Empty when apps/admin has no Vite app yet. */
  adminUrl: string;
  serverUrl: string;
  webDist: string;
  /** Empty when apps/admin has no Vite app yet. */
  adminDist: string;
  tokenMinterUrl: string;
  /** The shared worker's process, which a flow may pause (helpers/worker.ts). */
  workerPid: number;
  /** Where the worker sends e-mail (the stack's mailbox). */
  smtpUrl: string;
  /** The one account of the fake GitHub that "Continue with GitHub" signs in as. */
  githubAccount: GithubAccount;
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
    e2e: E2eInfo;
  }
}

const GITHUB_ACCOUNT: GithubAccount = {
  id: 4242,
  login: "octo-e2e",
  name: "Octo E2E",
  email: "octo-e2e@example.com",
};

const appDir = (name: string) => fileURLToPath(new URL(`../../apps/${name}/`, import.meta.url));

/** The stack's SMTP receiver when it tells us one; otherwise a port that refuses, so mail never
 * goes to whatever local mailbox happens to run on this machine. */
function smtpUrlOf(stack: RunningStack): string {
  const urls = stack.context.urls as unknown as Record<string, unknown>;
  return typeof urls.smtp === "string" ? urls.smtp : "smtp://127.0.0.1:9";
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  const site = async (name: string): Promise<StaticSite & { dist: string }> => {
    const dist = await mkdtemp(join(tmpdir(), `docket-e2e-${name}-`));
    cleanups.push(() => rm(dist, { recursive: true, force: true }));
    const served = await serveStatic(dist);
    cleanups.push(() => served.close());
    return { ...served, dist };
  };
  try {
    const github = await startFakeGithub(GITHUB_ACCOUNT);
    cleanups.push(() => github.close());
    const supabaseDir = await supabaseDirWithGithub(github);
    cleanups.push(() => rm(supabaseDir, { recursive: true, force: true }));
    const stack = await startTestStack({ supabaseDir });
    cleanups.push(() => stack.stop());
    await installQueueSchema(stack.dbUrl);

    // Sites listen first: the server's CORS allow-list and the builds need their origins.
    const web = await site("web");
    const hasAdmin = existsSync(join(appDir("admin"), "vite.config.ts"));
    const admin = hasAdmin ? await site("admin") : null;
    const server = await startApiServer(stack, admin ? [web.url, admin.url] : [web.url]);
    cleanups.push(() => server.close());
    const smtpUrl = smtpUrlOf(stack);
    const worker = await startTestWorker(stack, { appUrl: web.url, smtpUrl });
    cleanups.push(() => worker.stop());
    const minter = await startTokenMinter(stack);
    cleanups.push(() => minter.close());

    const publicEnv = {
      VITE_SUPABASE_URL: stack.apiUrl,
      VITE_SUPABASE_PUBLISHABLE_KEY: stack.publishableKey,
      VITE_API_URL: server.url,
    };
    await buildApp(appDir("web"), web.dist, publicEnv);
    if (admin) await buildApp(appDir("admin"), admin.dist, publicEnv);

    const { context: _context, stop: _stop, ...info } = stack;
    project.provide("stack", info);
    project.provide("e2e", {
      webUrl: web.url,
      adminUrl: admin?.url ?? "",
      serverUrl: server.url,
      webDist: web.dist,
      adminDist: admin?.dist ?? "",
      tokenMinterUrl: minter.url,
      workerPid: worker.pid,
      smtpUrl,
      githubAccount: GITHUB_ACCOUNT,
    });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
