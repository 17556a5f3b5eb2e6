// The mailbox over HTTP: a page for people and a JSON API for tests and scripts.
//   GET    /api/messages[?to=addr]   newest first
//   GET    /api/messages/:id
//   DELETE /api/messages/:id         204, or 404
//   DELETE /api/messages[?to=addr]   deletes all (or one recipient's) messages
//   GET    /  and  /messages/:id     HTML
import { createServer, type Server, type ServerResponse } from "node:http";
import type { Mailbox, MailMessage } from "./mailbox.ts";
import { renderIndex, renderMessage } from "./pages.ts";

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
  res.end(text);
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(body);
}

const newestFirst = (messages: MailMessage[]) => [...messages].reverse();

export function createMailboxServer(mailbox: Mailbox): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://mailbox");
    const to = url.searchParams.get("to") ?? undefined;
    const method = req.method ?? "GET";
    const id = /^\/(?:api\/)?messages\/([^/]+)$/.exec(url.pathname)?.[1];
    const handle = async () => {
      if (url.pathname === "/api/messages" && method === "GET") {
        return json(res, 200, newestFirst(await mailbox.list({ to })));
      }
      if (url.pathname === "/api/messages" && method === "DELETE") {
        if (to) for (const m of await mailbox.list({ to })) await mailbox.remove(m.id);
        else await mailbox.clear();
        return res.writeHead(204).end();
      }
      if (id && url.pathname.startsWith("/api/")) {
        if (method === "GET") {
          const message = await mailbox.get(id);
          return message ? json(res, 200, message) : json(res, 404, { error: "message not found" });
        }
        if (method === "DELETE") {
          return (await mailbox.remove(id))
            ? res.writeHead(204).end()
            : json(res, 404, { error: "message not found" });
        }
        return json(res, 405, { error: "method not allowed" });
      }
      if (method !== "GET") return json(res, 405, { error: "method not allowed" });
      if (url.pathname === "/")
        return html(res, 200, renderIndex(newestFirst(await mailbox.list({ to })), to));
      if (id) {
        const message = await mailbox.get(id);
        return message
          ? html(res, 200, renderMessage(message))
          : html(res, 404, "<p>Message not found</p>");
      }
      return json(res, 404, { error: "not found" });
    };
    handle().catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
}
