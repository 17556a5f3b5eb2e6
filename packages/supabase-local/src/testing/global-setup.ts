// Vitest globalSetup: one stack for the whole run, built from the repo's supabase/ folder.
// Tests read its URLs and keys with `inject("stack")`.
import type { TestProject } from "vitest/node";
import { type StackInfo, stackInfo } from "../stack/types.ts";
import { startTestStack } from "./index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startTestStack({
    log: (line) => {
      if (line.startsWith("ready")) process.stderr.write(`supabase-local: ${line}\n`);
    },
  });
  project.provide("stack", stackInfo(stack));
  return () => stack.stop();
}
