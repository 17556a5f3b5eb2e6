// GitHub as a configuration of the same OAuth code: plain OAuth (no OpenID discovery), the token
// endpoint with client_secret_post, the profile from /user and the hidden e-mail from /user/emails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followRedirects } from "./support/browser.ts";
import { type FakeGithub, startFakeGithub } from "./support/github.ts";
import { type AuthTestStack, startAuthStack, uniqueEmail } from "./support/stack.ts";

const email = uniqueEmail("octocat");
let t: AuthTestStack;
let github: FakeGithub;

beforeAll(async () => {
  github = await startFakeGithub({
    id: "gh-client",
    secret: "gh-secret",
    user: { id: 583231, login: "octocat", email },
  });
  t = await startAuthStack(`
[auth]
site_url = "http://127.0.0.1:3000"

[auth.external.github]
enabled = true
client_id = "gh-client"
secret = "gh-secret"
url = "${github.url}"
`);
});
afterAll(async () => {
  await t?.stop();
  await github?.close();
});

describe("OAuth with GitHub", () => {
  it("signs in through the PKCE flow and takes the primary e-mail from /user/emails", async () => {
    const client = t.anon({ flowType: "pkce" });
    const { data } = await client.auth.signInWithOAuth({
      provider: "github",
      options: { redirectTo: "http://127.0.0.1:3000/auth/callback", skipBrowserRedirect: true },
    });
    const authorizeUrl = new URL(data.url ?? "");
    expect(authorizeUrl.searchParams.get("provider")).toBe("github");
    const hosts = [new URL(t.stack.apiUrl).host, new URL(github.url).host];
    const landing = await followRedirects(data.url ?? "", hosts);
    expect(landing.origin).toBe("http://127.0.0.1:3000");
    const code = landing.searchParams.get("code") ?? "";
    expect(code).not.toBe("");
    const { data: session, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(session.user?.email).toBe(email);
    expect(session.user?.email_confirmed_at).toBeTruthy();
    expect(session.user?.app_metadata).toMatchObject({ provider: "github", providers: ["github"] });
    expect(session.user?.user_metadata).toMatchObject({
      user_name: "octocat",
      provider_id: "583231",
    });
    expect(session.user?.identities?.[0]).toMatchObject({ provider: "github", id: "583231" });
    expect(session.session?.provider_token).toMatch(/^gho_/);
  });

  it("/settings lists github as enabled", async () => {
    const res = await fetch(`${t.stack.apiUrl}/auth/v1/settings`, {
      headers: { apikey: t.stack.publishableKey },
    });
    const settings = (await res.json()) as { external: Record<string, boolean> };
    expect(settings.external.github).toBe(true);
    expect(settings.external.google).toBe(false);
  });
});
