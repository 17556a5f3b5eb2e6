// A stand-in for GitHub's OAuth app endpoints (the paths GitHub Enterprise uses under a base URL),
// with a consent page a person clicks through, so the browser walks the whole redirect chain.
// One account: the profile given at start. Loopback only, for the e2e run.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface GithubAccount {
  id: number;
  login: string;
  name: string;
  email: string;
}

export interface FakeGithub {
  url: string;
  clientId: string;
  secret: string;
  close(): Promise<void>;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

export async function startFakeGithub(account: GithubAccount): Promise<FakeGithub> {
  const clientId = "docket-e2e";
  const secret = randomBytes(12).toString("hex");
  const codes = new Set<string>();
  const tokens = new Set<string>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://github.local");
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");

    if (url.pathname === "/login/oauth/authorize") {
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      const code = randomBytes(10).toString("hex");
      codes.add(code);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      const ok = url.searchParams.get("client_id") === clientId;
      res.writeHead(ok ? 200 : 400, { "content-type": "text/html; charset=utf-8" });
      res.end(
        ok
          ? `<!doctype html><title>Authorize Docket</title><h1>Authorize Docket?</h1>
             <p>Signed in to GitHub as ${account.login}.</p><a href="${back.toString().replaceAll("&", "&amp;")}">Authorize Docket</a>`
          : "<p>Unknown application</p>",
      );
      return;
    }
    if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
      const form = await formBody(req);
      const code = form.get("code") ?? "";
      if (form.get("client_secret") !== secret || !codes.delete(code)) {
        return json(400, { error: "bad_verification_code" });
      }
      const token = `gho_${randomBytes(16).toString("hex")}`;
      tokens.add(token);
      return json(200, { access_token: token, token_type: "bearer", scope: "user:email" });
    }
    if (!tokens.has(bearer)) return json(401, { message: "Bad credentials" });
    if (url.pathname === "/api/v3/user") {
      // Like a GitHub user with a private address: the e-mail comes from /user/emails.
      return json(200, { id: account.id, login: account.login, name: account.name, email: null });
    }
    if (url.pathname === "/api/v3/user/emails") {
      return json(200, [{ email: account.email, primary: true, verified: true }]);
    }
    json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientId,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
