// Every way a bearer token can be wrong answers 401 with WWW-Authenticate: Bearer, over HTTP,
// against a real stack. This file runs its own stack so it can rotate and revoke signing keys
// without disturbing the other files' tokens.
import { randomUUID } from "node:crypto";
import { installQueueSchema } from "@docket/jobs";
import { type RunningStack, startTestStack } from "@docket/supabase-local/testing";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, raw, trpcCode, trpcData, withAuthorization } from "./helpers/http.ts";
import { type RunningServer, startServer } from "./helpers/start-server.ts";
import { createUser, type TestUser } from "./helpers/users.ts";

let stack: RunningStack;
let server: RunningServer;
let user: TestUser;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  await installQueueSchema(stack.dbUrl);
  // A short cooldown so a new kid is looked up at once; the default is 30 s.
  server = await startServer(stack, {
    onLogLine: (line) => void logLines.push(line),
    verifier: { jwksCooldownMs: 0 },
  });
  user = await createUser(stack, "tokens");
}, 120_000);

afterAll(async () => {
  await server?.close();
  await stack?.stop();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function claimsFor(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: stack.context.keys.issuer,
    sub: user.id,
    aud: "authenticated",
    iat: now,
    exp: now + 3600,
    email: user.email,
    phone: "",
    role: "authenticated",
    aal: "aal1",
    session_id: randomUUID(),
    is_anonymous: false,
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: {},
    ...overrides,
  };
}

const signWithStackKey = (overrides: Record<string, unknown> = {}) =>
  stack.context.keys.signAccessToken(claimsFor(overrides));

async function expect401(authorization: string | null, reason: string) {
  const result =
    authorization === null
      ? await query(server.url, "ping")
      : await withAuthorization(server.url, "ping", authorization);
  expect(result.status, `${reason}: ${result.text}`).toBe(401);
  expect(trpcCode(result)).toBe("UNAUTHORIZED");
  expect(result.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  return result;
}

describe("a valid token", () => {
  it("is accepted and yields the verified identity", async () => {
    const ping = trpcData<{ userId: string }>(
      await query(server.url, "ping", undefined, user.token),
    );
    expect(ping.userId).toBe(user.id);
    const me = trpcData<{ id: string; email: string }>(
      await query(server.url, "me", undefined, user.token),
    );
    expect(me).toMatchObject({ id: user.id, email: user.email, isAdmin: false });
  });

  it("minted by the stack's key is accepted too (so the refusals below are about one defect each)", async () => {
    const result = await query(server.url, "ping", undefined, await signWithStackKey());
    expect(result.status).toBe(200);
  });
});

describe("401 for", () => {
  it("no token", async () => {
    await expect401(null, "no token");
  });

  it("garbage, an empty bearer and another scheme", async () => {
    await expect401("Bearer garbage", "garbage");
    await expect401("Bearer ", "empty");
    await expect401("Basic dXNlcjpwYXNz", "basic");
    await expect401(
      `Bearer ${"x".repeat(40)}.${"y".repeat(40)}.${"z".repeat(40)}`,
      "three junk parts",
    );
  });

  it("a truncated token", async () => {
    await expect401(`Bearer ${user.token.slice(0, -12)}`, "truncated signature");
    await expect401(`Bearer ${user.token.split(".").slice(0, 2).join(".")}`, "two parts");
  });

  it("a tampered payload", async () => {
    const other = await createUser(stack, "victim");
    const [header, , signature] = user.token.split(".");
    const forged = b64(claimsFor({ sub: other.id, email: other.email }));
    await expect401(`Bearer ${header}.${forged}.${signature}`, "tampered");
  });

  it("alg none", async () => {
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64(claimsFor())}.`;
    await expect401(`Bearer ${token}`, "alg none");
  });

  it("HS256 signed with the public key", async () => {
    const jwks = (await raw(`${stack.apiUrl}/auth/v1/.well-known/jwks.json`)).json as {
      keys: Array<{ kid: string }>;
    };
    const publicJwk = jwks.keys[0];
    expect(publicJwk).toBeDefined();
    for (const keyBytes of [JSON.stringify(publicJwk), JSON.stringify(jwks)]) {
      const token = await new SignJWT(claimsFor())
        .setProtectedHeader({ alg: "HS256", kid: publicJwk?.kid, typ: "JWT" })
        .sign(new TextEncoder().encode(keyBytes));
      await expect401(`Bearer ${token}`, "HS256 with public key");
    }
  });

  it("HS256 signed with the legacy secret, since this server is not configured to accept it", async () => {
    const token = await new SignJWT(claimsFor())
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(stack.jwtSecret));
    await expect401(`Bearer ${token}`, "legacy HS256");
  });

  it("an unknown kid", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const stranger = await new SignJWT(claimsFor())
      .setProtectedHeader({ alg: "ES256", kid: randomUUID(), typ: "JWT" })
      .sign(privateKey);
    await expect401(`Bearer ${stranger}`, "unknown kid");
    // The real kid with a stranger's key is refused as well.
    const realKid = stack.context.keys.jwks().keys[0]?.kid;
    const impostor = await new SignJWT(claimsFor())
      .setProtectedHeader({ alg: "ES256", kid: realKid, typ: "JWT" })
      .sign(privateKey);
    await expect401(`Bearer ${impostor}`, "known kid, wrong key");
    expect(await exportJWK(publicKey)).toHaveProperty("x");
  });

  it("an expired token and one not yet valid", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect401(
      `Bearer ${await signWithStackKey({ iat: now - 7200, exp: now - 3600 })}`,
      "expired",
    );
    await expect401(`Bearer ${await signWithStackKey({ nbf: now + 600 })}`, "nbf");
  });

  it("a wrong audience or issuer", async () => {
    await expect401(`Bearer ${await signWithStackKey({ aud: "anon" })}`, "aud");
    await expect401(
      `Bearer ${await signWithStackKey({ iss: "https://other.supabase.co/auth/v1" })}`,
      "iss",
    );
  });

  it("the legacy service_role and anon API keys used as a bearer token", async () => {
    await expect401(`Bearer ${stack.serviceRoleKey}`, "service_role key");
    await expect401(`Bearer ${stack.anonKey}`, "anon key");
    await expect401(`Bearer ${stack.secretKey}`, "secret key");
  });

  it("an oversized token", async () => {
    // Over the verifier's 8 KB cap yet under Node's 16 KB header limit, so the verifier decides.
    const token = await signWithStackKey({ user_metadata: { padding: "x".repeat(6500) } });
    expect(token.length).toBeGreaterThan(8192);
    await expect401(`Bearer ${token}`, "oversized");
    // Far larger headers never reach the app: Node answers 431 itself.
    const huge = await signWithStackKey({ user_metadata: { padding: "x".repeat(20_000) } });
    expect((await withAuthorization(server.url, "ping", `Bearer ${huge}`)).status).toBe(431);
  });

  it("a token signed by a revoked key, even one the server had accepted and cached", async () => {
    const before = await signWithStackKey();
    expect((await query(server.url, "ping", undefined, before)).status).toBe(200);
    const oldKid = stack.context.keys.jwks().keys[0]?.kid ?? "";
    await stack.context.keys.rotate();
    await stack.context.keys.revoke(oldKid);
    // A sign-in after the rotation carries the new kid; seeing it makes the server refetch the JWKS.
    const fresh = await createUser(stack, "after-rotation");
    expect((await query(server.url, "ping", undefined, fresh.token)).status).toBe(200);
    await expect401(`Bearer ${before}`, "revoked key");
    await expect401(`Bearer ${user.token}`, "earlier sign-in, revoked key");
  });
});

describe("what the refusals reveal", () => {
  it("logs the reason apart but never the token", async () => {
    const expired = await signWithStackKey({ exp: Math.floor(Date.now() / 1000) - 3600 });
    await expect401(`Bearer ${expired}`, "expired");
    const log = logLines.join("");
    expect(log).toContain('"authFailure":"expired"');
    expect(log).toContain('"authFailure":"unknown_kid"');
    expect(log).toContain('"authFailure":"bad_signature"');
    for (const reason of [
      "too_large",
      "missing",
      "malformed",
      "unsupported_alg",
      "not_yet_valid",
      "wrong_audience",
      "wrong_issuer",
    ]) {
      expect(log).toContain(`"authFailure":"${reason}"`);
    }
    expect(log).not.toContain(expired);
    expect(log).not.toContain(user.token);
    expect(log).not.toContain(stack.secretKey);
  });

  it("answers 503, not 401, when the signing keys cannot be fetched", async () => {
    const offline = await startServer(
      { ...stack, apiUrl: "http://127.0.0.1:9" },
      { onLogLine: () => {}, warm: false },
    );
    try {
      const result = await query(offline.url, "ping", undefined, await signWithStackKey());
      expect(result.status).toBe(503);
      expect(result.headers.get("retry-after")).toBeTruthy();
      const ready = await raw(`${offline.url}/readyz`);
      expect(ready.status).toBe(503);
    } finally {
      await offline.close();
    }
  });
});
