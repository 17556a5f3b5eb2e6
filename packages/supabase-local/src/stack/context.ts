// What every service of a running stack receives. Created once by start(); services must not
// open their own pools or read files outside `dataDir`.
import type pg from "pg";
import type { Config } from "../config/schema.ts";
import type { KeyStore } from "../keys/key-store.ts";
import type { Mailbox } from "../mailbox/mailbox.ts";

export interface StackUrls {
  /** Gateway base URL, e.g. http://127.0.0.1:54321 (what SUPABASE_URL is set to). */
  api: string;
  /** Postgres connection string of the superuser. */
  db: string;
  /** Mailbox HTTP base URL, e.g. http://127.0.0.1:54324. */
  mailbox: string;
  /** SMTP server feeding the same mailbox, e.g. smtp://127.0.0.1:54325 (the app's own e-mail). */
  smtp: string;
}

export interface StackContext {
  config: Config;
  /** Absolute path of the stack's data folder (Postgres cluster, keys, storage bytes, mailbox). */
  dataDir: string;
  urls: StackUrls;
  keys: KeyStore;
  mailbox: Mailbox;
  /** Pools: `admin` connects as the superuser (Auth's own tables, bootstrap); `authenticator`
   * connects as the `authenticator` role and must `SET LOCAL ROLE` per transaction (Data API, Storage). */
  pools: { admin: pg.Pool; authenticator: pg.Pool };
}
