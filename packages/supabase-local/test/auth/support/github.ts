// A stand-in for GitHub's OAuth web flow (no internet here), with GitHub's paths and shapes:
// /login/oauth/authorize, /login/oauth/access_token (client_secret_post, PKCE), /api/v3/user with a
// hidden e-mail and /api/v3/user/emails, as on GitHub Enterprise where `url` points.
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeGithub {
  url: string;
  close(): Promise<void>;
}

export async function startFakeGithub(client: {
  id: string;
  secret: string;
  user: { id: number; login: string; email: string };
}): Promise<FakeGithub> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const tokens = new Set<string>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://github.local");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/login/oauth/authorize") {
      if (url.searchParams.get("client_id") !== client.id)
        return json(404, { error: "unknown client" });
      const code = randomUUID();
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      codes.set(code, { challenge: url.searchParams.get("code_challenge") ?? "", redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
      let raw = "";
      for await (const chunk of req) raw += String(chunk);
      const form = new URLSearchParams(raw);
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = createHash("sha256")
        .update(form.get("code_verifier") ?? "")
        .digest("base64url");
      if (
        !grant ||
        form.get("client_id") !== client.id ||
        form.get("client_secret") !== client.secret ||
        form.get("redirect_uri") !== grant.redirectUri ||
        verifier !== grant.challenge ||
        req.headers.accept !== "application/json"
      ) {
        return json(200, { error: "bad_verification_code" });
      }
      const token = `gho_${randomUUID().replaceAll("-", "")}`;
      tokens.add(token);
      return json(200, { access_token: token, token_type: "bearer", scope: "user:email" });
    }
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!tokens.has(token)) return json(401, { message: "Bad credentials" });
    if (url.pathname === "/api/v3/user") {
      return json(200, {
        id: client.user.id,
        login: client.user.login,
        name: "Octo Cat",
        email: null,
        avatar_url: "https://avatars.example/1",
      });
    }
    if (url.pathname === "/api/v3/user/emails") {
      return json(200, [
        { email: "old@example.com", primary: false, verified: true },
        { email: client.user.email, primary: true, verified: true },
      ]);
    }
    json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
