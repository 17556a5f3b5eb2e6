// Reads the stack's mailbox over its JSON API, the way a person would open their inbox.

interface Message {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Waits for the newest e-mail to `to` whose subject matches, then returns it. */
export async function waitForEmail(
  mailboxUrl: string,
  to: string,
  subject: RegExp,
  timeoutMs = 15_000,
): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${mailboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
    if (response.ok) {
      const messages = (await response.json()) as Message[];
      const match = messages.find((m) => subject.test(m.subject));
      if (match) return match;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no e-mail to ${to} matching ${subject} within ${timeoutMs} ms`);
}

/** The first link in the message that goes through Auth's /verify endpoint. */
export function verifyLinkOf(message: Message): string {
  const text = `${message.text}\n${message.html}`;
  const found = /https?:\/\/[^\s"'<>]+\/auth\/v1\/verify\?[^\s"'<>]+/.exec(text)?.[0];
  if (!found) throw new Error(`no verify link in "${message.subject}"`);
  return found.replaceAll("&amp;", "&");
}
