// Builds a Vite app in a process of its own: the test runner's NODE_ENV=test would otherwise make
// the build a development one. Usage: node vite-build.ts <app dir> <env dir> <out dir>.
import { join } from "node:path";
import { build } from "vite";

const [root, envDir, outDir] = process.argv.slice(2);
if (!root || !envDir || !outDir)
  throw new Error("usage: vite-build.ts <app dir> <env dir> <out dir>");
await build({
  root,
  configFile: join(root, "vite.config.ts"),
  envDir,
  logLevel: "warn",
  build: { outDir, emptyOutDir: true },
});
