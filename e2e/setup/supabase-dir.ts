// The repo's supabase/ folder (config, migrations, seed) copied to a temp folder with GitHub
// sign-in turned on against the fake provider: the project as it looks with OAuth configured.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FakeGithub } from "./fake-github.ts";

const REPO_SUPABASE = fileURLToPath(new URL("../../supabase/", import.meta.url));

export async function supabaseDirWithGithub(github: FakeGithub): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "docket-e2e-supabase-"));
  await cp(REPO_SUPABASE, dir, { recursive: true, filter: (src) => !src.includes(".temp") });
  const config = await readFile(join(dir, "config.toml"), "utf8");
  if (config.includes("[auth.external.github]")) {
    throw new Error("config.toml already configures GitHub; adjust e2e/setup/supabase-dir.ts");
  }
  const section = [
    "",
    "[auth.external.github]",
    "enabled = true",
    `client_id = "${github.clientId}"`,
    `secret = "${github.secret}"`,
    `url = "${github.url}"`,
    "",
  ].join("\n");
  await writeFile(join(dir, "config.toml"), config + section);
  return dir;
}
