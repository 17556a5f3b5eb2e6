// Bad input gets GoTrue's status and code — never a 500, never a hang — and writes nothing.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTOCONFIRM_CONFIG,
  type AuthTestStack,
  sql,
  startAuthStack,
  uniqueEmail,
} from "./support/stack.ts";

let t: AuthTestStack;
beforeAll(async () => {
  t = await startAuthStack(AUTOCONFIRM_CONFIG);
});
afterAll(async () => {
  await t?.stop();
});

async function call(
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${t.stack.apiUrl}/auth/v1${path}`, {
    method: init.method ?? "POST",
    headers: {
      apikey: t.stack.publishableKey,
      "content-type": "application/json",
      "x-supabase-api-version": "2024-01-01",
      ...init.headers,
    },
    body: init.body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return {
    status: res.status,
    version: res.headers.get("x-supabase-api-version"),
    body: (text ? JSON.parse(text) : {}) as { code?: string; message?: string },
  };
}

const userCount = async () =>
  (await sql<{ n: number }>(t.stack, "select count(*)::int as n from auth.users"))[0]?.n;

describe("request bodies", () => {
  it("malformed JSON is 400 bad_json with the API version header", async () => {
    const before = await userCount();
    const res = await call("/signup", { body: '{"email": "a@b.co", "password": ' });
    expect(res).toMatchObject({ status: 400, version: "2024-01-01", body: { code: "bad_json" } });
    expect(await userCount()).toBe(before);
  });

  it("clients without the API version header get GoTrue's initial error shape", async () => {
    const res = await fetch(`${t.stack.apiUrl}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { apikey: t.stack.publishableKey, "content-type": "application/json" },
      body: JSON.stringify({ email: uniqueEmail("legacy"), password: "whatever" }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-supabase-api-version")).toBeNull();
    expect(await res.json()).toEqual({
      code: 400,
      error_code: "invalid_credentials",
      msg: "Invalid login credentials",
    });
  });

  it("a non-JSON content type is refused", async () => {
    const res = await call("/signup", {
      body: "email=a@b.co&password=secret1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res).toMatchObject({ status: 400, body: { code: "bad_json" } });
  });

  it("a JSON array or a wrongly typed field is refused", async () => {
    expect((await call("/signup", { body: "[1,2]" })).body.code).toBe("bad_json");
    const typed = await call("/signup", {
      body: JSON.stringify({ email: 42, password: "secret1" }),
    });
    expect(typed).toMatchObject({ status: 400, body: { code: "bad_json" } });
  });

  it("bodies over 1 MiB get 413 request_entity_too_large", async () => {
    const res = await call("/signup", {
      body: JSON.stringify({
        email: uniqueEmail("big"),
        password: "secret1",
        data: { blob: "x".repeat(1_100_000) },
      }),
    });
    expect(res).toMatchObject({ status: 413, body: { code: "request_entity_too_large" } });
  });

  it("extra fields are ignored, as auth-js sends several", async () => {
    const res = await call("/signup", {
      body: JSON.stringify({
        email: uniqueEmail("extra"),
        password: "secret1",
        gotrue_meta_security: {},
        code_challenge: null,
        code_challenge_method: null,
        surprise: true,
      }),
    });
    expect(res.status).toBe(200);
  });

  it("half a PKCE pair is a validation error", async () => {
    const res = await call("/signup", {
      body: JSON.stringify({
        email: uniqueEmail("pkce"),
        password: "secret1",
        code_challenge: "a".repeat(43),
      }),
    });
    expect(res).toMatchObject({ status: 400, body: { code: "validation_failed" } });
  });
});

describe("grants and tokens", () => {
  it("an unknown grant type is 400 invalid_credentials / unsupported_grant_type", async () => {
    const res = await call("/token?grant_type=client_credentials", { body: "{}" });
    expect(res).toMatchObject({
      status: 400,
      body: { code: "invalid_credentials", message: "unsupported_grant_type" },
    });
  });

  it("password grant without credentials is validation_failed", async () => {
    const res = await call("/token?grant_type=password", { body: "{}" });
    expect(res).toMatchObject({ status: 400, body: { code: "validation_failed" } });
  });

  it("PKCE exchange of an unknown code is 404 flow_state_not_found", async () => {
    const res = await call("/token?grant_type=pkce", {
      body: JSON.stringify({ auth_code: crypto.randomUUID(), code_verifier: "v".repeat(50) }),
    });
    expect(res).toMatchObject({ status: 404, body: { code: "flow_state_not_found" } });
  });

  it("a forged or garbage bearer on /user is 403 bad_jwt; none at all is 401 no_authorization", async () => {
    const forged = await new SignJWT({ sub: crypto.randomUUID(), role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret-not-the-secret-123456"));
    for (const token of [forged, "garbage.token.value"]) {
      const res = await call("/user", {
        method: "GET",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res).toMatchObject({ status: 403, body: { code: "bad_jwt" } });
    }
    // The publishable key alone becomes the anon JWT: no sub claim.
    const anon = await call("/user", { method: "GET" });
    expect(anon).toMatchObject({
      status: 403,
      body: { code: "bad_jwt", message: "invalid claim: missing sub claim" },
    });
  });

  it("a malformed or non-UUID user id in the admin path is a 404, not a crash", async () => {
    for (const id of ["%E0%A4%A", "not-a-uuid"]) {
      const res = await call(`/admin/users/${id}`, {
        method: "GET",
        headers: { apikey: t.stack.secretKey, authorization: `Bearer ${t.stack.secretKey}` },
      });
      expect(res).toMatchObject({ status: 404, body: { code: "validation_failed" } });
    }
  });

  it("a user token cannot reach the admin API", async () => {
    const { data } = await t
      .anon()
      .auth.signUp({ email: uniqueEmail("notadmin"), password: "secret1" });
    const res = await call("/admin/users", {
      method: "GET",
      headers: { authorization: `Bearer ${data.session?.access_token}` },
    });
    expect(res).toMatchObject({ status: 403, body: { code: "not_admin" } });
  });

  it("updateUser refuses app_metadata from the user", async () => {
    const { data } = await t
      .anon()
      .auth.signUp({ email: uniqueEmail("appmeta"), password: "secret1" });
    const res = await call("/user", {
      method: "PUT",
      body: JSON.stringify({ app_metadata: { role: "admin" } }),
      headers: { authorization: `Bearer ${data.session?.access_token}` },
    });
    expect(res).toMatchObject({ status: 403, body: { code: "not_admin" } });
  });

  it("unknown logout scopes and unknown routes get clear errors", async () => {
    const { data } = await t
      .anon()
      .auth.signUp({ email: uniqueEmail("scope"), password: "secret1" });
    const res = await call("/logout?scope=everyone", {
      headers: { authorization: `Bearer ${data.session?.access_token}` },
    });
    expect(res).toMatchObject({ status: 400, body: { code: "validation_failed" } });
    expect((await call("/nope", { method: "GET" })).status).toBe(404);
    expect((await call("/signup", { method: "DELETE" })).status).toBe(405);
  });

  it("settings and health describe this instance", async () => {
    const settings = (await call("/settings", { method: "GET" })).body as Record<string, unknown>;
    expect(settings).toMatchObject({ disable_signup: false, mailer_autoconfirm: true });
    expect((settings.external as Record<string, boolean>).anonymous_users).toBe(true);
    expect((await call("/health", { method: "GET" })).body).toMatchObject({ name: "GoTrue" });
  });
});

describe("anonymous sign-in", () => {
  it("creates an anonymous user with an is_anonymous JWT who can later add an e-mail", async () => {
    const client = t.anon();
    const { data, error } = await client.auth.signInAnonymously({
      options: { data: { theme: "dark" } },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      is_anonymous: true,
      email: "",
      app_metadata: {},
      identities: [],
    });
    const claims = JSON.parse(
      Buffer.from(data.session?.access_token.split(".")[1] ?? "", "base64url").toString(),
    );
    expect(claims).toMatchObject({ is_anonymous: true, amr: [{ method: "anonymous" }] });
    const email = uniqueEmail("anon");
    const upgraded = await client.auth.updateUser({ email });
    expect(upgraded.error).toBeNull();
    expect(upgraded.data.user).toMatchObject({ email, is_anonymous: false });
  });
});
