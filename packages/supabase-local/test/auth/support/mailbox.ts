// Reading the stack's mailbox over its HTTP API, as people and e2e tests do.
import type { MailMessage } from "../../../src/mailbox/mailbox.ts";

export async function mailsTo(mailboxUrl: string, to: string): Promise<MailMessage[]> {
  const res = await fetch(`${mailboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return (await res.json()) as MailMessage[];
}

export async function latestMail(mailboxUrl: string, to: string): Promise<MailMessage> {
  const [newest] = await mailsTo(mailboxUrl, to);
  if (!newest) throw new Error(`no mail for ${to}`);
  return newest;
}

export function linkIn(message: MailMessage): string {
  const match = /https?:\/\/\S+\/auth\/v1\/verify\?\S+/.exec(message.text);
  if (!match) throw new Error(`no verify link in: ${message.text}`);
  return match[0];
}

export function codeIn(message: MailMessage): string {
  const match = /code: (\d{6,10})/.exec(message.text);
  if (!match?.[1]) throw new Error(`no code in: ${message.text}`);
  return match[1];
}

/** Follows a verify link like a browser would, without following the redirect to the app. */
export async function followLink(link: string): Promise<URL> {
  const res = await fetch(link, { redirect: "manual" });
  if (res.status !== 303)
    throw new Error(`verify link answered ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get("location") ?? "");
}

export function fragmentOf(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.slice(1));
}
