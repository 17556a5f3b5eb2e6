// Starts one supabase-local stack (the repo's supabase/ migrations and seed) for this package's
// tests; they read it with inject("stack").
import { type StackInfo, startTestStack } from "@docket/supabase-local/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startTestStack();
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
