// Who is asking: the verified JWT's claims and role (spec §13.1). No token means anon; a token
// that does not verify is refused with PostgREST's 401, never downgraded to anon.
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
  const known = legacyKeyIdentity(keys, token);
  if (known) return known;
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
  rememberLegacyKey(keys, token, identity, claims.exp);
  return identity;
}

// The legacy anon/service_role key JWTs are what the gateway puts on every request made with the
// publishable or secret key. They are constants of the stack, so each is verified once and its
// identity reused until its `exp`; user tokens are verified on every request.
const legacyCache = new WeakMap<KeyStore, Map<string, { identity: Identity; exp: number }>>();

function legacyKeyIdentity(keys: KeyStore, token: string): Identity | undefined {
  if (token !== keys.anonKey && token !== keys.serviceRoleKey) return undefined;
  const entry = legacyCache.get(keys)?.get(token);
  if (entry && entry.exp > Date.now() / 1000) return entry.identity;
  return undefined;
}

function rememberLegacyKey(keys: KeyStore, token: string, identity: Identity, exp: unknown) {
  if (token !== keys.anonKey && token !== keys.serviceRoleKey) return;
  let map = legacyCache.get(keys);
  if (!map) {
    map = new Map();
    legacyCache.set(keys, map);
  }
  map.set(token, { identity, exp: typeof exp === "number" ? exp : 0 });
}

function invalidToken(message: string): RestError {
  return new RestError(401, "PGRST301", message, null, null, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message.replaceAll('"', "'")}"`,
  });
}
