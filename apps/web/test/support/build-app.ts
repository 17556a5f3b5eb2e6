import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const SCRIPT = fileURLToPath(new URL("./vite-build.ts", import.meta.url));

/** A production build of the app at `root`, reading its env files from `envDir`. */
export async function buildForProduction(
  root: string,
  envDir: string,
  outDir: string,
): Promise<void> {
  await promisify(execFile)(process.execPath, [SCRIPT, root, envDir, outDir], {
    env: { NODE_ENV: "production" },
    timeout: 180_000,
  });
}
