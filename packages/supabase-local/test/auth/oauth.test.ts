// Sign-in with an external OpenID Connect provider (a real oidc-provider on a local port), in the
// PKCE and implicit flows, with `keycloak` as a generic OIDC configuration and `google` as the
// same code pointed at the same local issuer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followRedirects } from "./support/browser.ts";
import { startOidcProvider, type TestOidc } from "./support/oidc.ts";
import { type AuthTestStack, sql, startAuthStack, uniqueEmail } from "./support/stack.ts";

let t: AuthTestStack;
let oidc: TestOidc;
let hosts: string[];

beforeAll(async () => {
  oidc = await startOidcProvider();
  t = await startAuthStack(`
[auth]
site_url = "http://127.0.0.1:3000"
additional_redirect_urls = ["https://app.example.com/**"]

[auth.external.keycloak]
enabled = true
client_id = "docket-local"
secret = "keycloak-secret"
url = "${oidc.issuer}"

[auth.external.google]
enabled = true
client_id = "docket-google"
secret = "google-secret"
url = "${oidc.issuer}"
`);
  const redirectUri = `${t.stack.apiUrl}/auth/v1/callback`;
  oidc.configure([
    { clientId: "docket-local", secret: "keycloak-secret", redirectUri },
    { clientId: "docket-google", secret: "google-secret", redirectUri },
  ]);
  hosts = [new URL(t.stack.apiUrl).host, new URL(oidc.issuer).host];
});
afterAll(async () => {
  await t?.stop();
  await oidc?.close();
});

function account(label: string) {
  const email = uniqueEmail(label);
  return { sub: `sub-${email}`, email, name: `Person ${label}` };
}

describe("OAuth with an OpenID Connect provider", () => {
  it("PKCE: authorize → provider login → callback → ?code= → exchangeCodeForSession", async () => {
    const person = account("pkce");
    oidc.signInAs(person);
    const client = t.anon({ flowType: "pkce" });
    const { data, error } = await client.auth.signInWithOAuth({
      provider: "keycloak",
      options: { redirectTo: "https://app.example.com/auth/callback", skipBrowserRedirect: true },
    });
    expect(error).toBeNull();
    const landing = await followRedirects(data.url ?? "", hosts);
    expect(landing.origin + landing.pathname).toBe("https://app.example.com/auth/callback");
    const code = landing.searchParams.get("code") ?? "";
    expect(code).not.toBe("");

    const exchanged = await client.auth.exchangeCodeForSession(code);
    expect(exchanged.error).toBeNull();
    const session = exchanged.data.session;
    expect(session?.provider_token).toBeTruthy();
    expect(session?.user.email).toBe(person.email);
    expect(session?.user.app_metadata).toMatchObject({
      provider: "keycloak",
      providers: ["keycloak"],
    });
    expect(session?.user.user_metadata).toMatchObject({
      full_name: person.name,
      email: person.email,
    });
    expect(session?.user.identities?.[0]).toMatchObject({ provider: "keycloak", id: person.sub });
    const claims = JSON.parse(
      Buffer.from(session?.access_token.split(".")[1] ?? "", "base64url").toString(),
    );
    expect(claims.amr[0].method).toBe("oauth");
    expect((await client.auth.getUser()).data.user?.id).toBe(session?.user.id);

    // The same person again: same user, no second identity.
    const again = await t.anon({ flowType: "pkce" }).auth.signInWithOAuth({
      provider: "keycloak",
      options: { redirectTo: "https://app.example.com/auth/callback", skipBrowserRedirect: true },
    });
    const secondLanding = await followRedirects(again.data.url ?? "", hosts);
    expect(secondLanding.searchParams.get("code")).toBeTruthy();
    const identities = await sql(
      t.stack,
      "select provider from auth.identities where user_id = $1",
      [session?.user.id],
    );
    expect(identities).toEqual([{ provider: "keycloak" }]);
  });

  it("a code exchanged with the wrong verifier is refused with bad_code_verifier", async () => {
    oidc.signInAs(account("verifier"));
    const { data } = await t.anon({ flowType: "pkce" }).auth.signInWithOAuth({
      provider: "keycloak",
      options: { redirectTo: "https://app.example.com/cb", skipBrowserRedirect: true },
    });
    const code = (await followRedirects(data.url ?? "", hosts)).searchParams.get("code");
    const res = await fetch(`${t.stack.apiUrl}/auth/v1/token?grant_type=pkce`, {
      method: "POST",
      headers: {
        apikey: t.stack.publishableKey,
        "content-type": "application/json",
        "x-supabase-api-version": "2024-01-01",
      },
      body: JSON.stringify({ auth_code: code, code_verifier: "x".repeat(56) }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("bad_code_verifier");
  });

  it("implicit: the session arrives in the fragment, and Google is the same code", async () => {
    const person = account("implicit");
    oidc.signInAs(person);
    const client = t.anon();
    const { data } = await client.auth.signInWithOAuth({
      provider: "google",
      options: { redirectTo: "https://app.example.com/home", skipBrowserRedirect: true },
    });
    const landing = await followRedirects(data.url ?? "", hosts);
    const fragment = new URLSearchParams(landing.hash.slice(1));
    expect(fragment.get("provider_token")).toBeTruthy();
    expect(fragment.get("token_type")).toBe("bearer");
    const { data: set, error } = await client.auth.setSession({
      access_token: fragment.get("access_token") ?? "",
      refresh_token: fragment.get("refresh_token") ?? "",
    });
    expect(error).toBeNull();
    expect(set.user?.app_metadata.provider).toBe("google");
    expect(set.user?.email).toBe(person.email);
  });

  it("links a provider identity to the existing user with the same verified e-mail", async () => {
    const person = account("link");
    const { data: created } = await t.admin().auth.admin.createUser({
      email: person.email,
      password: "secret1",
      email_confirm: true,
    });
    oidc.signInAs(person);
    const client = t.anon({ flowType: "pkce" });
    const { data } = await client.auth.signInWithOAuth({
      provider: "keycloak",
      options: { redirectTo: "https://app.example.com/cb", skipBrowserRedirect: true },
    });
    const code = (await followRedirects(data.url ?? "", hosts)).searchParams.get("code") ?? "";
    const { data: exchanged } = await client.auth.exchangeCodeForSession(code);
    expect(exchanged.user?.id).toBe(created.user?.id);
    expect(exchanged.user?.app_metadata.providers).toEqual(["email", "keycloak"]);
  });

  it("rejects unknown providers, forged state and foreign redirect targets", async () => {
    const unknown = await fetch(`${t.stack.apiUrl}/auth/v1/authorize?provider=myspace`, {
      redirect: "manual",
      headers: { "x-supabase-api-version": "2024-01-01" },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { code: string }).code).toBe("validation_failed");
    const forged = await fetch(
      `${t.stack.apiUrl}/auth/v1/callback?code=x&state=${crypto.randomUUID()}`,
      {
        redirect: "manual",
      },
    );
    expect(forged.status).toBe(400);
    oidc.signInAs(account("evil"));
    const { data } = await t.anon({ flowType: "pkce" }).auth.signInWithOAuth({
      provider: "keycloak",
      options: { redirectTo: "https://evil.example.net/", skipBrowserRedirect: true },
    });
    const landing = await followRedirects(data.url ?? "", hosts);
    expect(landing.origin).toBe("http://127.0.0.1:3000");
  });

  it("a provider error comes back to the app as error parameters", async () => {
    const { data } = await t.anon({ flowType: "pkce" }).auth.signInWithOAuth({
      provider: "keycloak",
      options: { redirectTo: "https://app.example.com/cb", skipBrowserRedirect: true },
    });
    const authorizeUrl = await fetch(data.url ?? "", { redirect: "manual" });
    const state = new URL(authorizeUrl.headers.get("location") ?? "").searchParams.get("state");
    const back = await fetch(
      `${t.stack.apiUrl}/auth/v1/callback?state=${state}&error=access_denied&error_description=User+said+no`,
      { redirect: "manual" },
    );
    expect(back.status).toBe(302);
    const landing = new URL(back.headers.get("location") ?? "");
    expect(landing.searchParams.get("error_code")).toBe("bad_oauth_callback");
    expect(landing.searchParams.get("error_description")).toBe("User said no");
  });
});
