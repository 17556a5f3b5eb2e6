// The mailbox kept on disk: one JSON file per message under the stack's data folder, so mail
// survives a restart. Reads are served from memory; the folder is read once at start.
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Mailbox, MailMessage } from "./mailbox.ts";

function loadAll(dir: string): MailMessage[] {
  mkdirSync(dir, { recursive: true });
  const messages: MailMessage[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".json")) continue;
    try {
      messages.push(JSON.parse(readFileSync(join(dir, name), "utf8")) as MailMessage);
    } catch {
      // A half-written file from a crash is skipped rather than breaking the mailbox.
    }
  }
  return messages.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function createFileMailbox(dir: string): Mailbox {
  const messages = loadAll(dir);
  const file = (id: string) => join(dir, `${id}.json`);
  return {
    async deliver(input) {
      const message: MailMessage = {
        ...input,
        id: randomUUID(),
        receivedAt: new Date().toISOString(),
      };
      await writeFile(file(message.id), JSON.stringify(message));
      messages.push(message);
      return message;
    },
    async list(filter) {
      const to = filter?.to;
      return messages.filter((m) => !to || sameAddress(m.to, to));
    },
    async get(id) {
      return messages.find((m) => m.id === id);
    },
    async remove(id) {
      const index = messages.findIndex((m) => m.id === id);
      if (index < 0) return false;
      messages.splice(index, 1);
      await rm(file(id), { force: true });
      return true;
    },
    async clear() {
      const all = messages.splice(0, messages.length);
      await Promise.all(all.map((m) => rm(file(m.id), { force: true })));
    },
  };
}
