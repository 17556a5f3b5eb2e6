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
  return { role, isAnon: role === anonRole, claims: JSON.stringify({ ...claims, role }) };
}

function invalidToken(message: string): RestError {
  return new RestError(401, "PGRST301", message, null, null, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message.replaceAll('"', "'")}"`,
  });
}
