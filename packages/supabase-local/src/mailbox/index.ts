// Placeholder until the mailbox lands: keeps messages in memory and serves nothing.
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { Mailbox, MailMessage } from "./mailbox.ts";

export function createMailbox(_dir: string): Mailbox {
  const messages: MailMessage[] = [];
  return {
    async deliver(m) {
      const message = { ...m, id: randomUUID(), receivedAt: new Date().toISOString() };
      messages.push(message);
      return message;
    },
    async list(filter) {
      return messages.filter((m) => !filter?.to || m.to === filter.to);
    },
    async get(id) {
      return messages.find((m) => m.id === id);
    },
    async remove(id) {
      const i = messages.findIndex((m) => m.id === id);
      if (i >= 0) messages.splice(i, 1);
      return i >= 0;
    },
    async clear() {
      messages.length = 0;
    },
  };
}

export function createMailboxServer(_mailbox: Mailbox): Server {
  return createServer((_req, res) => {
    res.writeHead(501).end();
  });
}
