import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "supabase",
    // One supabase-local stack for the files that need a live database.
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
