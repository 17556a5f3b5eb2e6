// One supabase-local stack for the worker's integration tests, with graphile-worker's schema
// installed the way the dev runner does it.
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
  const { context: _context, stop: _stop, ...info } = stack;
  project.provide("stack", info);
  return () => stack.stop();
}
