// Tokens that passed full verification, kept until their `exp` so a repeated token costs a map
// lookup. An entry is only used while the key that signed it is still in the fresh key set, so a
// revoked key (or a stale set that full verification would refetch) always sends the token back
// through full verification.
import type { AccessClaims } from "./claims.ts";

export interface CachedToken {
  claims: AccessClaims;
  /** Expiry in ms since epoch. */
  expiresAt: number;
  /** kid and fingerprint of the verifying JWKS key; null for the legacy shared secret. */
  key: { kid: string; fingerprint: string } | null;
}

export class VerifiedTokenCache {
  readonly #entries = new Map<string, CachedToken>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The claims when the entry is still usable, given the fingerprint lookup of the current keys. */
  get(
    token: string,
    now: number,
    currentFingerprint: (kid: string) => string | undefined,
  ): AccessClaims | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    const keyStillTrusted =
      entry.key === null || currentFingerprint(entry.key.kid) === entry.key.fingerprint;
    if (now >= entry.expiresAt || !keyStillTrusted) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  set(token: string, entry: CachedToken): void {
    if (this.#maxEntries <= 0) return;
    // First in, first out: tokens are issued with the same lifetime, so the oldest entry is also
    // the one closest to expiry. Expired entries are dropped when they are next looked up.
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, entry);
  }
}
