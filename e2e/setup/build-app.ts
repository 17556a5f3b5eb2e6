// Builds one of the Vite apps for a given environment (the test stack's URLs and publishable key)
// into an output folder, in a production process of its own (the test runner's NODE_ENV=test
// would make it a development build). The env goes into a throw-away env folder, as .env.local.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const SCRIPT = fileURLToPath(new URL("./vite-build.ts", import.meta.url));

export async function buildApp(
  appDir: string,
  outDir: string,
  env: Record<string, string>,
): Promise<void> {
  const envDir = await mkdtemp(join(tmpdir(), "docket-e2e-env-"));
  try {
    const lines = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    await writeFile(join(envDir, ".env.local"), `${lines.join("\n")}\n`);
    await promisify(execFile)(process.execPath, [SCRIPT, appDir, envDir, outDir], {
      env: { NODE_ENV: "production" },
      timeout: 180_000,
    });
  } finally {
    await rm(envDir, { recursive: true, force: true });
  }
}
