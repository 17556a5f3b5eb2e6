// The stack's mailbox: where every e-mail goes (Auth's own, and the app's through SMTP).
// See README.md in this folder.

import { createFileMailbox } from "./file-mailbox.ts";
import type { Mailbox } from "./mailbox.ts";

export { createMailboxServer } from "./http-server.ts";
export type { Mailbox, MailMessage } from "./mailbox.ts";
export { parseMail } from "./mime.ts";
export { createSmtpServer, type RunningSmtpServer, startSmtpServer } from "./smtp-server.ts";

/** A mailbox persisted under `dir` (one JSON file per message). */
export function createMailbox(dir: string): Mailbox {
  return createFileMailbox(dir);
}
