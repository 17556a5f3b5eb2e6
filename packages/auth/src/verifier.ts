// Verifies Supabase access tokens: ES256/RS256 against the project's JWKS (HS256 only with a
// configured legacy secret), exact iss and aud, small clock tolerance, size cap, typed claims.
import type { FlattenedJWSInput, JWTHeaderParameters } from "jose";
import { jwtVerify } from "jose";
import { type AccessClaims, accessClaimsSchema } from "./claims.ts";
import { classifyVerificationError } from "./classify-error.ts";
import { createRemoteKeys } from "./remote-keys.ts";
import { TokenError } from "./token-error.ts";
import { VerifiedTokenCache } from "./verified-token-cache.ts";

export interface AccessTokenVerifierOptions {
  /** Project URL, e.g. https://<ref>.supabase.co; keys and issuer are derived from it. */
  supabaseUrl: string;
  /** Legacy HS256 JWT secret; when absent HS256 tokens are refused outright. */
  jwtSecret?: string | undefined;
  audience?: string;
  clockToleranceSeconds?: number;
  /** Longest accepted token, in characters (Supabase tokens are ~1 KB). */
  maxTokenLength?: number;
  jwksCacheMaxAgeMs?: number;
  jwksCooldownMs?: number;
  jwksTimeoutMs?: number;
  /** Verified tokens kept in memory; 0 turns the cache off. */
  cacheMaxEntries?: number;
}

export interface AccessTokenVerifier {
  verify(token: string | null | undefined): Promise<AccessClaims>;
  /** Fetches the JWKS now; rejects with a 503 TokenError when it cannot. */
  warm(): Promise<void>;
}

// Three base64url parts; refusing other shapes early keeps junk away from the crypto code.
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions,
): AccessTokenVerifier {
  const base = options.supabaseUrl.replace(/\/+$/, "");
  const issuer = `${base}/auth/v1`;
  const audience = options.audience ?? "authenticated";
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  const maxTokenLength = options.maxTokenLength ?? 8192;
  const keys = createRemoteKeys({
    jwksUrl: new URL(`${issuer}/.well-known/jwks.json`),
    cacheMaxAgeMs: options.jwksCacheMaxAgeMs ?? 600_000,
    cooldownMs: options.jwksCooldownMs ?? 30_000,
    timeoutMs: options.jwksTimeoutMs ?? 3_000,
  });
  const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : null;
  const algorithms = secret ? ["ES256", "RS256", "HS256"] : ["ES256", "RS256"];
  const cache = new VerifiedTokenCache(options.cacheMaxEntries ?? 10_000);
  const fingerprintOf = (kid: string) => keys.currentFingerprint(kid);

  const resolveKey = (header: JWTHeaderParameters, token: FlattenedJWSInput) =>
    header.alg === "HS256" && secret ? Promise.resolve(secret) : keys.resolve(header, token);

  async function verifyFully(token: string): Promise<AccessClaims> {
    const { payload, protectedHeader } = await jwtVerify(token, resolveKey, {
      algorithms,
      issuer,
      audience,
      clockTolerance,
      requiredClaims: ["exp", "sub"],
    });
    const parsed = accessClaimsSchema.safeParse(payload);
    if (!parsed.success)
      throw new TokenError("invalid_claims", "token claims have the wrong shape");
    const claims = parsed.data;
    const kid = protectedHeader.kid;
    const fingerprint = kid === undefined ? undefined : keys.currentFingerprint(kid);
    if (protectedHeader.alg === "HS256") {
      cache.set(token, { claims, expiresAt: claims.exp * 1000, key: null });
    } else if (kid !== undefined && fingerprint !== undefined) {
      cache.set(token, { claims, expiresAt: claims.exp * 1000, key: { kid, fingerprint } });
    }
    return claims;
  }

  return {
    async verify(token) {
      if (!token) throw new TokenError("missing", "no access token");
      if (token.length > maxTokenLength) throw new TokenError("too_large", "token is too large");
      if (!COMPACT_JWT.test(token)) throw new TokenError("malformed", "token is not a compact JWT");
      const cached = cache.get(token, Date.now(), fingerprintOf);
      if (cached) return cached;
      try {
        return await verifyFully(token);
      } catch (error) {
        throw classifyVerificationError(error);
      }
    },
    async warm() {
      try {
        await keys.reload();
      } catch (error) {
        throw classifyVerificationError(error);
      }
    },
  };
}
