// Minimal HTML for people reading the mailbox in a browser.
import type { MailMessage } from "./mailbox.ts";

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);

const layout = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.3rem .6rem;text-align:left}
tr:nth-child(even){background:#f4f4f4}pre{white-space:pre-wrap;background:#f8f8f8;padding:1rem}</style></head>
<body>${body}</body></html>`;

export function renderIndex(messages: MailMessage[], to: string | undefined): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to)}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td></tr>`,
    )
    .join("\n");
  const heading = to ? `Mailbox for ${to}` : "Mailbox";
  return layout(
    heading,
    `<h1>${escapeHtml(heading)}</h1><p>${messages.length} message(s). JSON: <a href="/api/messages">/api/messages</a></p>
<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`,
  );
}

export function renderMessage(message: MailMessage): string {
  const htmlPart = message.html
    ? `<h2>HTML</h2><iframe sandbox style="width:100%;height:24rem;border:1px solid #ccc" srcdoc="${escapeHtml(message.html)}"></iframe>`
    : "";
  return layout(
    message.subject,
    `<p><a href="/">← all messages</a></p><h1>${escapeHtml(message.subject)}</h1>
<p>From: ${escapeHtml(message.from)}<br>To: ${escapeHtml(message.to)}<br>Received: ${escapeHtml(message.receivedAt)}</p>
<h2>Text</h2><pre>${escapeHtml(message.text)}</pre>${htmlPart}`,
  );
}
