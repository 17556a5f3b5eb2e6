// Starts one supabase-local stack from the repo's supabase/ folder, installs graphile-worker's
// schema (the enqueue functions call into it) and hands the stack to tests via inject("stack").
import { installQueueSchema } from "@docket/jobs";
import { type StackInfo, startTestStack } from "@docket/supabase-local/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startTestStack();
  try {
    await installQueueSchema(stack.dbUrl);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  project.provide("stack", {
    apiUrl: stack.apiUrl,
    dbUrl: stack.dbUrl,
    mailboxUrl: stack.mailboxUrl,
    publishableKey: stack.publishableKey,
    secretKey: stack.secretKey,
    jwtSecret: stack.jwtSecret,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
  });
  return () => stack.stop();
}
