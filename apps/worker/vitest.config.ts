import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "worker",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Integration files share one database and run worker processes: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
