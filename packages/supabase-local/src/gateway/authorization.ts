// The CLI gateway's Authorization rewrite (spec auth §7.2), applied before a request reaches a
// service. Kong evaluates the same four rules in the same order.

export interface ApiKeySet {
  publishableKey: string;
  secretKey: string;
  anonKey: string;
  serviceRoleKey: string;
}

/**
 * 1. an incoming Authorization that is not `Bearer sb_…` passes through (user JWT, legacy key JWT);
 * 2. apikey = secret key → `Bearer <legacy service_role JWT>`;
 * 3. apikey = publishable key → `Bearer <legacy anon JWT>`;
 * 4. otherwise the raw apikey value (old clients that send a JWT as apikey), or nothing.
 */
export function rewriteAuthorization(
  authorization: string | undefined,
  apikey: string | undefined,
  keys: ApiKeySet,
): string | undefined {
  if (authorization && !authorization.startsWith("Bearer sb_")) return authorization;
  if (apikey === keys.secretKey) return `Bearer ${keys.serviceRoleKey}`;
  if (apikey === keys.publishableKey) return `Bearer ${keys.anonKey}`;
  return apikey;
}

/** The token of an Authorization value: `Bearer x` → `x`; a bare value (rule 4) is the token. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^bearer\s+(.+)$/i.exec(authorization.trim());
  return (match ? match[1] : authorization.trim()) || null;
}
