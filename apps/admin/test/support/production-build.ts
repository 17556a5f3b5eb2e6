// Runs `vite build` for this app in a child process with NODE_ENV=production (the test runner's
// NODE_ENV=test would make it a development build), reading env files from `envDir`.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));

const BUILD_SCRIPT = `
import { build } from "vite";
const [root, envDir, outDir] = process.argv.slice(1);
await build({ root, configFile: root + "/vite.config.ts", envDir, logLevel: "warn",
  build: { outDir, emptyOutDir: true } });
`;

export async function productionBuild(envDir: string, outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ["--input-type=module", "-e", BUILD_SCRIPT, APP_DIR, envDir, outDir],
    { cwd: APP_DIR, env: { NODE_ENV: "production" }, timeout: 180_000 },
  );
}
