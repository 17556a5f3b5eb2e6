// `pnpm test` runs every package's tests in one vitest run; each package keeps its own
// vitest.config.ts (and global setup) so `pnpm --filter <pkg> test` works alone too.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "e2e/vitest.config.ts*"],
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
