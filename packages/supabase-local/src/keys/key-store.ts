import type { JSONWebKeySet, JWTPayload } from "jose";

/** Keys of one stack, generated on first start and kept in `<dataDir>/keys.json`. */
export interface KeyStore {
  /** `sb_publishable_…` → role anon. */
  readonly publishableKey: string;
  /** `sb_secret_…` → role service_role. */
  readonly secretKey: string;
  /** Legacy HS256 secret (as `supabase status` shows it). */
  readonly jwtSecret: string;
  /** Legacy long-lived HS256 JWT API keys signed with `jwtSecret`. */
  readonly anonKey: string;
  readonly serviceRoleKey: string;
  /** `<api url>/auth/v1`: the `iss` of every access token. */
  readonly issuer: string;
  /** Signs with the current ES256 key (header `alg: ES256`, `kid`, `typ: JWT`). Claims are
   * written as given; `iat`/`exp` are added when missing (`exp` = iat + expiresIn seconds). */
  signAccessToken(claims: JWTPayload, expiresInSeconds?: number): Promise<string>;
  /** Verifies an ES256/RS256 token against every key still in the JWKS, or an HS256 token against
   * the legacy secret; checks `exp`/`nbf`. Throws `InvalidTokenError` (with `reason`) otherwise. */
  verify(token: string): Promise<JWTPayload>;
  /** Public keys for `/auth/v1/.well-known/jwks.json`. */
  jwks(): JSONWebKeySet;
  /** Makes a new current signing key; the old public key stays in the JWKS. Returns the new kid. */
  rotate(): Promise<string>;
  /** Removes a key from the JWKS; tokens it signed stop verifying. */
  revoke(kid: string): Promise<void>;
}

export type InvalidTokenReason =
  | "malformed"
  | "expired"
  | "not_yet_valid"
  | "bad_signature"
  | "unknown_kid";

export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
  readonly reason: InvalidTokenReason;
  constructor(reason: InvalidTokenReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
