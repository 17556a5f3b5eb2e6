// The Data API remembers verified tokens, but a remembered token must be refused exactly when
// verifying it again would refuse it: after its `exp`, and once the key that signed it is gone.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyStore } from "../../src/keys/key-store.ts";
import { openKeyStore } from "../../src/keys/local-key-store.ts";
import { RestError } from "../../src/rest/errors.ts";
import { identify } from "../../src/rest/jwt.ts";

let dir: string;
const open = (name: string) =>
  openKeyStore({ file: join(dir, name), issuer: "http://127.0.0.1/auth/v1", defaultExpiry: 3600 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "token-cache-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hs256 = (secret: string, exp: number) =>
  new SignJWT({ role: "authenticated", sub: "00000000-0000-0000-0000-0000000000aa" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

async function refusal(keys: KeyStore, token: string): Promise<RestError | undefined> {
  try {
    await identify(keys, `Bearer ${token}`);
    return undefined;
  } catch (err) {
    if (err instanceof RestError) return err;
    throw err;
  }
}

describe("remembered tokens", () => {
  it("are refused once their exp has passed", async () => {
    const keys = await open("exp.json");
    const exp = Math.floor(Date.now() / 1000) + 1;
    const token = await keys.signAccessToken({ role: "authenticated", exp });
    expect((await identify(keys, `Bearer ${token}`)).role).toBe("authenticated");
    const hs = await hs256(keys.jwtSecret, exp);
    expect((await identify(keys, `Bearer ${hs}`)).role).toBe("authenticated");
    await new Promise((resolve) => setTimeout(resolve, (exp + 0.2) * 1000 - Date.now()));
    for (const t of [token, hs]) {
      const err = await refusal(keys, t);
      expect(err?.status).toBe(401);
      expect(err?.message).toBe("JWT expired");
    }
  });

  it("signed with the legacy secret are refused once that secret is replaced", async () => {
    const first = await open("first.json");
    const second = await open("second.json");
    // One KeyStore whose keys.json is replaced (as `reload()` does) by another one.
    let current = first;
    const keys: KeyStore = {
      get publishableKey() {
        return current.publishableKey;
      },
      get secretKey() {
        return current.secretKey;
      },
      get jwtSecret() {
        return current.jwtSecret;
      },
      get anonKey() {
        return current.anonKey;
      },
      get serviceRoleKey() {
        return current.serviceRoleKey;
      },
      issuer: first.issuer,
      signAccessToken: (claims, expiresIn) => current.signAccessToken(claims, expiresIn),
      verify: (token) => current.verify(token),
      jwks: () => current.jwks(),
      rotate: () => current.rotate(),
      revoke: (kid) => current.revoke(kid),
    };
    const token = await hs256(first.jwtSecret, Math.floor(Date.now() / 1000) + 3600);
    expect((await identify(keys, `Bearer ${token}`)).role).toBe("authenticated");
    current = second;
    const err = await refusal(keys, token);
    expect(err?.status).toBe(401);
    expect(err?.code).toBe("PGRST301");
  });
});
