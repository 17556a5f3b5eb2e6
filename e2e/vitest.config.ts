import { defineProject } from "vitest/config";

// Browser flows share one running system (global setup) and run one file at a time: the machine is
// small and a flow's timing should not depend on another flow's load.
export default defineProject({
  test: {
    name: "e2e",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**"],
    globalSetup: ["./setup/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
