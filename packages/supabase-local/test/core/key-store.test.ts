// Keys: generated once and kept in keys.json; rotation adds a new signing key while the old public
// key stays in the JWKS; revocation removes it and tokens it signed stop verifying.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeProtectedHeader, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidTokenError } from "../../src/keys/key-store.ts";
import { type LocalKeyStore, openKeyStore } from "../../src/keys/local-key-store.ts";

let dir: string;
const open = () =>
  openKeyStore({
    file: join(dir, "keys.json"),
    issuer: "http://127.0.0.1:1/auth/v1",
    defaultExpiry: 3600,
  });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "supabase-local-keys-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function reasonOf(keys: LocalKeyStore, token: string): Promise<string> {
  try {
    await keys.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  return "valid";
}

describe("key store", () => {
  it("creates keys in Supabase's formats and keeps them across reopen", async () => {
    const keys = await open();
    expect(keys.publishableKey).toMatch(/^sb_publishable_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    expect(keys.secretKey).toMatch(/^sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}$/);
    expect(keys.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(await keys.verify(keys.anonKey)).toMatchObject({ role: "anon", iss: "supabase-demo" });
    expect(await keys.verify(keys.serviceRoleKey)).toMatchObject({ role: "service_role" });
    expect(decodeProtectedHeader(keys.anonKey)).toEqual({ alg: "HS256", typ: "JWT" });

    const again = await open();
    expect(again.secretKey).toBe(keys.secretKey);
    expect(again.jwks()).toEqual(keys.jwks());
    const stored = await readFile(join(dir, "keys.json"), "utf8");
    expect(stored).toContain(keys.secretKey);
  });

  it("signs ES256 access tokens with kid, adds iat/exp, and verifies them", async () => {
    const keys = await open();
    const token = await keys.signAccessToken({
      sub: "u1",
      role: "authenticated",
      aud: "authenticated",
    });
    const header = decodeProtectedHeader(token);
    expect(header).toEqual({ alg: "ES256", kid: keys.jwks().keys[0]?.kid, typ: "JWT" });
    const claims = await keys.verify(token);
    expect(claims.sub).toBe("u1");
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(keys.jwks().keys[0]).not.toHaveProperty("d");
  });

  it("refuses expired, tampered, foreign-secret and unknown-kid tokens with a reason", async () => {
    const keys = await open();
    const expired = await keys.signAccessToken({ sub: "u1", iat: 1_000, exp: 2_000 });
    expect(await reasonOf(keys, expired)).toBe("expired");
    const good = await keys.signAccessToken({ sub: "u1" });
    const [h, p, s] = good.split(".");
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: "admin" })).toString("base64url")}.${s}`;
    expect(await reasonOf(keys, tampered)).toBe("bad_signature");
    expect(p).toBeDefined();
    const foreign = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("another-secret-that-is-at-least-32-chars"));
    expect(await reasonOf(keys, foreign)).toBe("bad_signature");
    expect(await reasonOf(keys, "not-a-jwt")).toBe("malformed");

    const other = await openKeyStore({
      file: join(dir, "other.json"),
      issuer: "x",
      defaultExpiry: 60,
    });
    expect(await reasonOf(keys, await other.signAccessToken({ sub: "u1" }))).toBe("unknown_kid");
  });

  it("rotate keeps the old public key in the JWKS; revoke removes it and its tokens", async () => {
    const keys = await open();
    const oldKid = keys.jwks().keys[0]?.kid ?? "";
    const oldToken = await keys.signAccessToken({ sub: "u1" });

    const newKid = await keys.rotate();
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    expect(decodeProtectedHeader(await keys.signAccessToken({ sub: "u1" })).kid).toBe(newKid);
    expect(await reasonOf(keys, oldToken)).toBe("valid");

    await expect(keys.revoke(newKid)).rejects.toThrow(/current signing key/);
    await expect(keys.revoke("no-such-kid")).rejects.toThrow(/no signing key/);
    await keys.revoke(oldKid);
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([newKid]);
    expect(await reasonOf(keys, oldToken)).toBe("unknown_kid");

    // Persisted: another process sees the same JWKS, and reload() picks up its changes.
    const other = await open();
    expect(other.jwks()).toEqual(keys.jwks());
    const third = await other.rotate();
    await keys.reload();
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([third, newKid]);
  });

  it("refuses a damaged keys.json instead of replacing it", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dir, "keys.json"), '{"version": 1}');
    await expect(open()).rejects.toThrow(/keys\.json is not a valid supabase-local key file/);
    expect(await readFile(join(dir, "keys.json"), "utf8")).toBe('{"version": 1}');
  });
});
