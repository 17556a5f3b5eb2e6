// Where the CLI's stack lives: flags first, then SUPABASE_LOCAL_* variables (read through
// @docket/env), then the repo defaults. The external database is deliberately not DATABASE_URL:
// the env file this CLI writes sets DATABASE_URL to the embedded server itself.
import { resolve } from "node:path";
import { parseEnv } from "@docket/env";
import { z } from "zod";
import { DEFAULT_DATA_DIR, DEFAULT_SUPABASE_DIR } from "../stack/paths.ts";

export interface Locations {
  dataDir: string;
  supabaseDir: string;
  databaseUrl: string | undefined;
  envFile: string;
}

const envShape = {
  SUPABASE_LOCAL_DIR: { schema: z.string().optional(), hint: "data folder of supabase-local" },
  SUPABASE_LOCAL_DATABASE_URL: {
    schema: z.url().optional(),
    hint: "an existing Postgres to use instead of the embedded one (postgresql://…)",
  },
};

export function resolveLocations(flags: {
  dir?: string | undefined;
  "supabase-dir"?: string | undefined;
  "database-url"?: string | undefined;
}): Locations {
  const env = parseEnv(envShape);
  const supabaseDir = resolve(flags["supabase-dir"] ?? DEFAULT_SUPABASE_DIR);
  return {
    dataDir: resolve(flags.dir ?? env.SUPABASE_LOCAL_DIR ?? DEFAULT_DATA_DIR),
    supabaseDir,
    databaseUrl: flags["database-url"] ?? env.SUPABASE_LOCAL_DATABASE_URL,
    // The project root is the folder holding supabase/, as for the Supabase CLI.
    envFile: resolve(supabaseDir, "..", ".env.local"),
  };
}
