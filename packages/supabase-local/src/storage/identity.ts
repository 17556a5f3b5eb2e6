// Who is calling: the verified JWT from the (gateway-rewritten) Authorization header, turned into
// the Postgres role and claims that RLS sees. Storage checks only signature and exp/nbf.
import { decodeJwt, type JWTPayload } from "jose";
import type { KeyStore } from "../keys/key-store.ts";
import { errors } from "./errors.ts";

export interface Identity {
  role: string;
  /** Raw token ('' for the unauthenticated anon of JWT-optional routes). */
  token: string;
  claims: JWTPayload;
  /** JWT `sub`, if any. */
  sub: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `owner` column value: the `sub` only when it is a UUID (deprecated column of type uuid). */
export function ownerUuid(identity: Identity): string | null {
  return identity.sub && UUID.test(identity.sub) ? identity.sub : null;
}

export const anonymous: Identity = { role: "anon", token: "", claims: {}, sub: undefined };

function bearer(authorization: string | null): string | null {
  if (authorization === null) return null;
  const token = authorization.replace(/^\s*bearer\s+/i, "").trim();
  return token === "" ? null : token;
}

function fromPayload(token: string, claims: JWTPayload): Identity {
  const role = typeof claims.role === "string" && claims.role !== "" ? claims.role : "anon";
  return { role, token, claims, sub: typeof claims.sub === "string" ? claims.sub : undefined };
}

/**
 * The gateway skips its apikey handling on the routes that signed and public URLs use, and
 * those prefixes also carry authenticated calls (creating signed URLs). Apply the same
 * rule here so an opaque `sb_` key never reaches the JWT verifier.
 */
export function effectiveAuthorization(
  keys: KeyStore,
  authorization: string | null,
  apikey: string | undefined,
): string | null {
  const token = bearer(authorization);
  if (token !== null && !token.startsWith("sb_")) return token;
  const key = apikey ?? token ?? undefined;
  if (key === keys.secretKey) return keys.serviceRoleKey;
  if (key === keys.publishableKey) return keys.anonKey;
  return token;
}

/** JWT required: missing header is a validation error, a bad token is AccessDenied. */
export async function requireIdentity(
  keys: KeyStore,
  authorization: string | null,
): Promise<Identity> {
  const token = bearer(authorization);
  if (token === null)
    throw errors.validation("headers must have required property 'authorization'");
  try {
    return fromPayload(token, await keys.verify(token));
  } catch (error) {
    throw errors.accessDenied(error instanceof Error ? error.message : "Invalid JWT");
  }
}

/** JWT optional: anything that does not verify makes the caller an unauthenticated anon. */
export async function optionalIdentity(
  keys: KeyStore,
  authorization: string | null,
): Promise<Identity | null> {
  const token = bearer(authorization);
  if (token === null) return null;
  try {
    return fromPayload(token, await keys.verify(token));
  } catch {
    return null;
  }
}

/** The identity Storage uses for its "superuser" statements: the service_role key's. */
export function serviceIdentity(keys: KeyStore): Identity {
  return fromPayload(keys.serviceRoleKey, decodeJwt(keys.serviceRoleKey));
}
