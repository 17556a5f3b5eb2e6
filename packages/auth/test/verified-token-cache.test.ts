// The cache may make a repeated token cheap, but must never accept one that full verification
// would refuse at that moment.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccessTokenVerifier, TokenError } from "../src/index.ts";
import { VerifiedTokenCache } from "../src/verified-token-cache.ts";
import {
  type JwksServer,
  makeSigningKey,
  type SigningKey,
  sign,
  startJwksServer,
  userClaims,
} from "./helpers/jwks-server.ts";

let es: SigningKey;
let jwks: JwksServer;

beforeAll(async () => {
  es = await makeSigningKey("ES256");
  jwks = await startJwksServer([es]);
});
afterAll(() => jwks.close());
afterEach(() => {
  vi.useRealTimers();
  jwks.mode = "serve";
  jwks.published = [es];
});

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (e: unknown) => (e instanceof TokenError ? e.reason : "unexpected"),
  );

describe("verified-token cache", () => {
  it("serves a repeated token without refetching and with the same claims", async () => {
    const v = createAccessTokenVerifier({ supabaseUrl: jwks.url });
    const token = await sign(es, userClaims(jwks.issuer));
    const first = await v.verify(token);
    const before = jwks.fetches;
    jwks.mode = "error"; // a cache hit must not need the network
    expect(await v.verify(token)).toEqual(first);
    expect(jwks.fetches).toBe(before);
  });

  it("drops a token once its key is revoked and the JWKS is refetched", async () => {
    const v = createAccessTokenVerifier({ supabaseUrl: jwks.url, jwksCooldownMs: 0 });
    const token = await sign(es, userClaims(jwks.issuer));
    await v.verify(token);
    const next = await makeSigningKey("ES256");
    jwks.published = [next];
    // A token by the new key triggers the refetch that reveals the revocation.
    await v.verify(await sign(next, userClaims(jwks.issuer)));
    expect(await reasonOf(v.verify(token))).toBe("unknown_kid");
  });

  it("drops a token whose kid now names different key material", async () => {
    const v = createAccessTokenVerifier({ supabaseUrl: jwks.url, jwksCooldownMs: 0 });
    const token = await sign(es, userClaims(jwks.issuer));
    await v.verify(token);
    const impostor = await makeSigningKey("ES256");
    const sameKid = { ...impostor, kid: es.kid, publicJwk: { ...impostor.publicJwk, kid: es.kid } };
    jwks.published = [sameKid, impostor];
    await v.verify(await sign(impostor, userClaims(jwks.issuer)));
    expect(await reasonOf(v.verify(token))).toBe("bad_signature");
  });

  it("refuses a cached token after its exp", async () => {
    const v = createAccessTokenVerifier({ supabaseUrl: jwks.url, clockToleranceSeconds: 0 });
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(es, userClaims(jwks.issuer, { exp: now + 60 }));
    await v.verify(token);
    vi.useFakeTimers({ toFake: ["Date"], now: (now + 61) * 1000 });
    expect(await reasonOf(v.verify(token))).toBe("expired");
  });

  it("goes back to the network once the key set is stale, like full verification", async () => {
    const v = createAccessTokenVerifier({ supabaseUrl: jwks.url });
    const token = await sign(es, userClaims(jwks.issuer));
    await v.verify(token);
    jwks.mode = "error";
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 11 * 60_000 });
    expect(await reasonOf(v.verify(token))).toBe("jwks_unavailable");
  });

  it("never lets a different token ride on a cached one", async () => {
    const v = createAccessTokenVerifier({ supabaseUrl: jwks.url });
    const token = await sign(es, userClaims(jwks.issuer));
    await v.verify(token);
    const flipped = `${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}A`;
    expect(await reasonOf(v.verify(flipped))).toBe("bad_signature");
  });

  it("stays bounded, evicting the oldest entry first", () => {
    const cache = new VerifiedTokenCache(2);
    const entry = (sub: string) => ({
      claims: { sub, role: "authenticated", aud: "authenticated", iss: "i", exp: 2e9 },
      expiresAt: 2e12,
      key: null,
    });
    const anyKey = () => undefined;
    cache.set("t1", entry("1"));
    cache.set("t2", entry("2"));
    cache.set("t3", entry("3"));
    expect(cache.size).toBe(2);
    expect(cache.get("t1", Date.now(), anyKey)).toBeUndefined();
    expect(cache.get("t3", Date.now(), anyKey)?.sub).toBe("3");
  });
});
