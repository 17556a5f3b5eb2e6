import type { StackContext } from "./context.ts";

export interface StartOptions {
  /** Data folder (Postgres cluster, keys, storage bytes, mailbox). Default `<repo>/.supabase-local`. */
  dir?: string;
  /** Folder holding config.toml, migrations/ and seed.sql. Default `<repo>/supabase`. */
  supabaseDir?: string;
  /** Ports; 0 picks a free one. Defaults come from config.toml (54321 / 54322 / 54324). */
  ports?: { api?: number; db?: number; mailbox?: number; smtp?: number };
  /** Use an existing Postgres instead of the embedded one. */
  databaseUrl?: string;
  /** Where log lines go; default stderr. */
  log?: (line: string) => void;
  /** Throw-away stack (tests): Postgres runs without fsync. Never use for data you keep. */
  ephemeral?: boolean;
  /** Folder where pristine clusters (after initdb, after the bootstrap) are cached and copied for
   * new data folders. Default: the OS temp folder; false runs initdb and the bootstrap every time. */
  templateCache?: string | false;
}

/** What `supabase status --json` shows, plus `stop()`. */
export interface StackInfo {
  apiUrl: string;
  dbUrl: string;
  mailboxUrl: string;
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

export interface RunningStack extends StackInfo {
  /** Where the app sends its own e-mail (they land in the mailbox). */
  smtpUrl: string;
  context: StackContext;
  stop(): Promise<void>;
}

/** The plain StackInfo fields of a running stack (safe to serialise: no context, no functions). */
export function stackInfo(stack: StackInfo): StackInfo {
  const {
    apiUrl,
    dbUrl,
    mailboxUrl,
    publishableKey,
    secretKey,
    jwtSecret,
    anonKey,
    serviceRoleKey,
  } = stack;
  return {
    apiUrl,
    dbUrl,
    mailboxUrl,
    publishableKey,
    secretKey,
    jwtSecret,
    anonKey,
    serviceRoleKey,
  };
}
