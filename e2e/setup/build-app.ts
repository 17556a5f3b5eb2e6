// Builds one of the Vite apps for a given environment (the test stack's URLs and publishable key)
// into an output folder. The env goes into a throw-away env folder, exactly as .env.local would.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

export async function buildApp(
  appDir: string,
  outDir: string,
  env: Record<string, string>,
): Promise<void> {
  const envDir = await mkdtemp(join(tmpdir(), "docket-e2e-env-"));
  try {
    const lines = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    await writeFile(join(envDir, ".env.local"), `${lines.join("\n")}\n`);
    await build({
      root: appDir,
      configFile: join(appDir, "vite.config.ts"),
      envDir,
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
      // vitest sets NODE_ENV=test; the site under test must be the production build.
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
    });
  } finally {
    await rm(envDir, { recursive: true, force: true });
  }
}
