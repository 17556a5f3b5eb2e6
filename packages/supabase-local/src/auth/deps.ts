// What every Auth handler receives: the stack's pieces it needs and the resolved settings.
import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import type { KeyStore } from "../keys/key-store.ts";
import type { Mailbox } from "../mailbox/mailbox.ts";
import type { ClientInfo } from "./sessions.ts";
import type { AuthSettings } from "./settings.ts";

export interface AuthDeps {
  pool: pg.Pool;
  keys: KeyStore;
  settings: AuthSettings;
  mailbox: Mailbox;
  /** `<api url>/auth/v1`: base of links in e-mails and of the OAuth callback. */
  authUrl: string;
  log: (line: string) => void;
}

export interface AuthRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Route parameters, e.g. `id` of `/admin/users/:id`. */
  params: Record<string, string>;
  authorization: string | null;
  client: ClientInfo;
}

export type Handler = (deps: AuthDeps, request: AuthRequest) => Promise<void>;
