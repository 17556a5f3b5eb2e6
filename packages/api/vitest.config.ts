import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "api",
    // One supabase-local stack (with graphile-worker's schema) for the whole run.
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
