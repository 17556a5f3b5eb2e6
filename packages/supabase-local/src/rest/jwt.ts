// Who is asking: the verified JWT's claims and role (spec §13.1). No token means anon; a token
// that does not verify is refused with PostgREST's 401, never downgraded to anon.
import { decodeProtectedHeader } from "jose";
import type { KeyStore } from "../keys/key-store.ts";
import { InvalidTokenError } from "../keys/key-store.ts";
import { RestError } from "./errors.ts";

export interface Identity {
  role: string;
  isAnon: boolean;
  /** Verified claims plus `role`, as JSON text for `request.jwt.claims`. */
  claims: string;
}

const anonRole = "anon";
const anonymous: Identity = { role: anonRole, isAnon: true, claims: '{"role":"anon"}' };

export async function identify(keys: KeyStore, authorization: string | null): Promise<Identity> {
  if (authorization === null) return anonymous;
  const token = authorization.replace(/^bearer\s+/i, "").trim();
  if (!token) throw invalidToken("Empty JWT is sent in Authorization header");
  const cached = fromCache(keys, token);
  if (cached) return cached;
  let claims: Record<string, unknown>;
  try {
    claims = (await keys.verify(token)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof InvalidTokenError) {
      throw invalidToken(err.reason === "expired" ? "JWT expired" : err.message);
    }
    throw err;
  }
  const role = typeof claims.role === "string" && claims.role ? claims.role : anonRole;
  const identity = { role, isAnon: role === anonRole, claims: JSON.stringify({ ...claims, role }) };
  remember(keys, token, identity, claims.exp);
  return identity;
}

// Verified tokens are remembered until their `exp` (signature checks are the costliest part of a
// small request). A hit is only valid while the token's signing key is still in the JWKS (or,
// for HS256, while the legacy secret is the one it was checked with), so a revoked or replaced
// key stops its tokens at once. Bounded: the cache is emptied when it fills up.
interface Verified {
  identity: Identity;
  exp: number;
  kid: string | undefined;
  hsSecret: string | undefined;
}
const verifiedTokens = new WeakMap<KeyStore, Map<string, Verified>>();
const maxCachedTokens = 10_000;

function fromCache(keys: KeyStore, token: string): Identity | undefined {
  const entry = verifiedTokens.get(keys)?.get(token);
  if (!entry) return undefined;
  const live = entry.exp > Date.now() / 1000;
  const keyKept =
    entry.hsSecret !== undefined
      ? entry.hsSecret === keys.jwtSecret
      : keys.jwks().keys.some((k) => k.kid === entry.kid);
  if (live && keyKept) return entry.identity;
  verifiedTokens.get(keys)?.delete(token);
  return undefined;
}

function remember(keys: KeyStore, token: string, identity: Identity, exp: unknown): void {
  if (typeof exp !== "number") return;
  let map = verifiedTokens.get(keys);
  if (!map) {
    map = new Map();
    verifiedTokens.set(keys, map);
  }
  if (map.size >= maxCachedTokens) map.clear();
  const { kid, alg } = decodeProtectedHeader(token);
  map.set(token, { identity, exp, kid, hsSecret: alg === "HS256" ? keys.jwtSecret : undefined });
}

function invalidToken(message: string): RestError {
  return new RestError(401, "PGRST301", message, null, null, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message.replaceAll('"', "'")}"`,
  });
}
