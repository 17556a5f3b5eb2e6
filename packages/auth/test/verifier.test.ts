import { SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAccessTokenVerifier, TokenError, type TokenErrorReason } from "../src/index.ts";
import {
  b64url,
  type JwksServer,
  makeSigningKey,
  type SigningKey,
  sign,
  startJwksServer,
  userClaims,
} from "./helpers/jwks-server.ts";

let es: SigningKey;
let rs: SigningKey;
let jwks: JwksServer;

beforeAll(async () => {
  es = await makeSigningKey("ES256");
  rs = await makeSigningKey("RS256");
  jwks = await startJwksServer([es, rs]);
});
afterAll(() => jwks.close());
afterEach(() => {
  jwks.mode = "serve";
  jwks.published = [es, rs];
});

const verifier = (extra: Partial<Parameters<typeof createAccessTokenVerifier>[0]> = {}) =>
  createAccessTokenVerifier({ supabaseUrl: jwks.url, cacheMaxEntries: 0, ...extra });

async function refusal(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

async function expectRefused(token: string | null, reason: TokenErrorReason, v = verifier()) {
  const error = await refusal(v.verify(token));
  expect(error.reason).toBe(reason);
  expect(error.status).toBe(401);
  if (token) expect(error.message).not.toContain(token);
}

describe("accepted tokens", () => {
  it("returns typed claims for an ES256 token from the JWKS", async () => {
    const claims = userClaims(jwks.issuer);
    const verified = await verifier().verify(await sign(es, claims));
    expect(verified.sub).toBe(claims.sub);
    expect(verified.email).toBe("someone@example.com");
    expect(verified.role).toBe("authenticated");
    expect(verified.app_metadata).toEqual({ provider: "email" });
  });

  it("accepts RS256", async () => {
    const claims = userClaims(jwks.issuer);
    expect((await verifier().verify(await sign(rs, claims))).sub).toBe(claims.sub);
  });

  it("tolerates a few seconds of clock skew but no more", async () => {
    const now = Math.floor(Date.now() / 1000);
    await verifier().verify(await sign(es, userClaims(jwks.issuer, { exp: now - 2 })));
    await expectRefused(await sign(es, userClaims(jwks.issuer, { exp: now - 30 })), "expired");
  });

  it("accepts HS256 only when a legacy secret is configured", async () => {
    const secret = "legacy-secret-with-at-least-32-characters!!";
    const token = await new SignJWT(userClaims(jwks.issuer))
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(secret));
    await verifier({ jwtSecret: secret }).verify(token);
    await expectRefused(token, "unsupported_alg");
  });
});

describe("refused tokens (401)", () => {
  it("missing", async () => {
    await expectRefused(null, "missing");
    await expectRefused("", "missing");
  });

  it("garbage and truncated", async () => {
    await expectRefused("not-a-jwt", "malformed");
    await expectRefused("a.b.c", "malformed");
    const token = await sign(es, userClaims(jwks.issuer));
    await expectRefused(token.slice(0, token.lastIndexOf(".")), "malformed");
    await expectRefused(token.slice(0, -10), "bad_signature");
  });

  it("tampered payload", async () => {
    const [header, , signature] = (await sign(es, userClaims(jwks.issuer))).split(".");
    const forged = b64url(userClaims(jwks.issuer, { role: "service_role" }));
    await expectRefused(`${header}.${forged}.${signature}`, "bad_signature");
  });

  it("alg none", async () => {
    const token = `${b64url({ alg: "none", typ: "JWT" })}.${b64url(userClaims(jwks.issuer))}.`;
    await expectRefused(token, "unsupported_alg");
  });

  it("HS256 signed with the public key, with or without a legacy secret", async () => {
    const publicKeyBytes = new TextEncoder().encode(JSON.stringify(es.publicJwk));
    const token = await new SignJWT(userClaims(jwks.issuer))
      .setProtectedHeader({ alg: "HS256", kid: es.kid, typ: "JWT" })
      .sign(publicKeyBytes);
    await expectRefused(token, "unsupported_alg");
    await expectRefused(token, "bad_signature", verifier({ jwtSecret: "x".repeat(40) }));
  });

  it("unknown kid", async () => {
    const stranger = await makeSigningKey("ES256");
    await expectRefused(await sign(stranger, userClaims(jwks.issuer)), "unknown_kid");
  });

  it("a known kid whose key did not sign the token", async () => {
    const stranger = await makeSigningKey("ES256");
    await expectRefused(await sign(stranger, userClaims(jwks.issuer), es.kid), "bad_signature");
  });

  it("expired and not yet valid", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await sign(es, userClaims(jwks.issuer, { exp: now - 3600 })), "expired");
    await expectRefused(
      await sign(es, userClaims(jwks.issuer, { nbf: now + 600 })),
      "not_yet_valid",
    );
  });

  it("wrong audience and wrong issuer", async () => {
    await expectRefused(await sign(es, userClaims(jwks.issuer, { aud: "anon" })), "wrong_audience");
    const otherIssuer = userClaims("https://evil.example/auth/v1");
    await expectRefused(await sign(es, otherIssuer), "wrong_issuer");
  });

  it("oversized", async () => {
    const padding = { user_metadata: { blob: "x".repeat(10_000) } };
    await expectRefused(await sign(es, userClaims(jwks.issuer, padding)), "too_large");
  });

  it("claims of the wrong shape", async () => {
    await expectRefused(
      await sign(es, userClaims(jwks.issuer, { sub: "admin" })),
      "invalid_claims",
    );
    const noSub = userClaims(jwks.issuer);
    delete noSub.sub;
    await expectRefused(await sign(es, noSub), "invalid_claims");
  });

  it("a key revoked from the JWKS", async () => {
    const rotated = await makeSigningKey("ES256");
    jwks.published = [rotated];
    await expectRefused(await sign(es, userClaims(jwks.issuer)), "unknown_kid");
  });
});

describe("when the JWKS cannot be fetched (503)", () => {
  it("answers 503 when the endpoint fails", async () => {
    jwks.mode = "error";
    const error = await refusal(verifier().verify(await sign(es, userClaims(jwks.issuer))));
    expect(error).toMatchObject({ reason: "jwks_unavailable", status: 503 });
    expect((await refusal(verifier().warm())).status).toBe(503);
  });

  it("gives up after the fetch timeout", async () => {
    jwks.mode = "hang";
    const started = Date.now();
    const v = verifier({ jwksTimeoutMs: 200 });
    const error = await refusal(v.verify(await sign(es, userClaims(jwks.issuer))));
    expect(error.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("JWKS fetching", () => {
  it("warm() fetches once and verification then reuses the keys", async () => {
    const v = verifier();
    const before = jwks.fetches;
    await v.warm();
    await v.verify(await sign(es, userClaims(jwks.issuer)));
    await v.verify(await sign(rs, userClaims(jwks.issuer)));
    expect(jwks.fetches - before).toBe(1);
  });

  it("refetches on an unknown kid, but not again within the cooldown", async () => {
    const v = verifier({ jwksCooldownMs: 60_000 });
    await v.warm();
    const before = jwks.fetches;
    const newKey = await makeSigningKey("ES256");
    jwks.published = [es, newKey];
    // Cooldown counts from the last fetch, which was just now: the new kid is not looked up yet.
    await expectRefused(await sign(newKey, userClaims(jwks.issuer)), "unknown_kid", v);
    expect(jwks.fetches).toBe(before);

    const eager = verifier({ jwksCooldownMs: 0 });
    await eager.warm();
    const newer = await makeSigningKey("ES256");
    jwks.published = [es, newer];
    const claims = userClaims(jwks.issuer);
    expect((await eager.verify(await sign(newer, claims))).sub).toBe(claims.sub);
  });
});
