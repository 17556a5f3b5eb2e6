// Reads supabase/config.toml the way the Supabase CLI does. A missing file means CLI defaults;
// a broken file or a bad value stops start-up with one line naming the file and the key.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, TomlError } from "smol-toml";
import { type Config, configSchema } from "./schema.ts";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export async function loadConfig(supabaseDir: string): Promise<Config> {
  const file = join(supabaseDir, "config.toml");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return configSchema.parse({});
    throw error;
  }
  return parseConfig(text, file);
}

export function parseConfig(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split("\n")[0] ?? "syntax error";
      throw new ConfigError(`${file}:${error.line}:${error.column}: invalid TOML: ${reason}`);
    }
    throw error;
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue ? formatKey(issue.path) : "?";
    throw new ConfigError(`${file}: ${key}: ${issue?.message ?? "invalid value"}`);
  }
  return result.data;
}

/** `["auth", "email", "otp_length"]` → `[auth.email] otp_length`, as the key reads in the file. */
function formatKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  const last = parts.pop();
  if (last === undefined) return "(root)";
  return parts.length === 0 ? last : `[${parts.join(".")}] ${last}`;
}
