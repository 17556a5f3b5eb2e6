import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "supabase-local",
    include: ["test/**/*.test.ts"],
    // One shared stack (inject("stack")); tests that need their own start it with startTestStack.
    globalSetup: ["./src/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
