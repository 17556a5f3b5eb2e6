// The data folder of a stack and its version stamp. A folder written by another (incompatible)
// version of supabase-local is refused rather than half-reused, and left untouched.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { StartError } from "./errors.ts";

/** Bump when the layout of the data folder or the bootstrap changes incompatibly. */
export const DATA_FORMAT = 1;
const STAMP_FILE = "supabase-local.json";

export const dataPaths = (dir: string) => ({
  postgres: join(dir, "postgres"),
  keys: join(dir, "keys.json"),
  stamp: join(dir, STAMP_FILE),
  authenticatorPassword: join(dir, "authenticator.password"),
  mailbox: join(dir, "mailbox"),
  pidFile: join(dir, "supabase-local.pid"),
  stateFile: join(dir, "status.json"),
  logFile: join(dir, "supabase-local.log"),
});

export async function prepareDataDir(dir: string): Promise<void> {
  const paths = dataPaths(dir);
  await mkdir(dir, { recursive: true });
  let stamp: unknown;
  try {
    stamp = JSON.parse(await readFile(paths.stamp, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new StartError(
        `${paths.stamp} is unreadable: run \`supabase-local reset\` to start over`,
      );
    }
    if (existsSync(paths.postgres) || existsSync(paths.keys)) {
      throw new StartError(
        `${dir} has no version stamp (made by another version of supabase-local): run \`supabase-local reset\``,
      );
    }
    await writeFile(paths.stamp, `${JSON.stringify({ format: DATA_FORMAT }, null, 2)}\n`);
    return;
  }
  const format = (stamp as { format?: unknown }).format;
  if (format !== DATA_FORMAT) {
    throw new StartError(
      `${dir} was made by supabase-local data format ${String(format)}, this version uses ${DATA_FORMAT}: run \`supabase-local reset\``,
    );
  }
}

/** The `authenticator` login password: random once, then read from the data folder. */
export async function authenticatorPassword(dir: string): Promise<string> {
  const file = dataPaths(dir).authenticatorPassword;
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    const password = randomBytes(18).toString("base64url");
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}
