// Writes the variables the apps read into `.env.local`, replacing only those lines: anything else
// the developer keeps in the file stays as it was.
import { readFile, writeFile } from "node:fs/promises";
import type { Config } from "../config/schema.ts";
import type { StackInfo } from "../stack/types.ts";

export function envVariables(
  info: StackInfo & { smtpUrl?: string | undefined },
  config: Config,
): Record<string, string> {
  return {
    SUPABASE_URL: info.apiUrl,
    SUPABASE_PUBLISHABLE_KEY: info.publishableKey,
    SUPABASE_SECRET_KEY: info.secretKey,
    SUPABASE_JWT_SECRET: info.jwtSecret,
    DATABASE_URL: info.dbUrl,
    MAILBOX_URL: info.mailboxUrl,
    SMTP_URL: info.smtpUrl ?? `smtp://127.0.0.1:${config.inbucket.smtp_port}`,
    VITE_SUPABASE_URL: info.apiUrl,
    VITE_SUPABASE_PUBLISHABLE_KEY: info.publishableKey,
    VITE_API_URL: "http://127.0.0.1:3001",
  };
}

export async function writeEnvFile(file: string, variables: Record<string, string>): Promise<void> {
  let existing = "";
  try {
    existing = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const pending = new Map(Object.entries(variables));
  const lines = existing
    .split("\n")
    .filter((line, i, all) => !(i === all.length - 1 && line === ""))
    .map((line) => {
      const name = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
      if (name === undefined || !pending.has(name)) return line;
      const value = pending.get(name);
      pending.delete(name);
      return `${name}=${value}`;
    });
  if (lines.length === 0)
    lines.push("# Written by supabase-local (start / env). Other lines are kept.");
  for (const [name, value] of pending) lines.push(`${name}=${value}`);
  await writeFile(file, `${lines.join("\n")}\n`, { mode: 0o600 });
}
