// Building a supabase-js client costs ~0.1 ms and ~11 KiB; a user making many calls with the
// same access token can reuse one. The client holds nothing but that token (no session, no
// refresh), so sharing it between requests carrying the same, already verified token is safe.
// Bounded (least recently used goes first) and never past the token's own expiry.

export interface UserClientCacheOptions<T> {
  create: (token: string) => T;
  maxEntries?: number;
  now?: () => number;
}

export class UserClientCache<T> {
  readonly #entries = new Map<string, { client: T; expiresAtMs: number }>();
  readonly #create: (token: string) => T;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: UserClientCacheOptions<T>) {
    this.#create = options.create;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The client for `token`, whose verified `exp` claim (seconds) is `expiresAt`. */
  get(token: string, expiresAt: number): T {
    const hit = this.#entries.get(token);
    if (hit && hit.expiresAtMs > this.#now()) {
      // Re-insert so the Map's order stays least-recently-used first.
      this.#entries.delete(token);
      this.#entries.set(token, hit);
      return hit.client;
    }
    if (hit) this.#entries.delete(token);
    const client = this.#create(token);
    if (this.#maxEntries > 0) {
      this.#entries.set(token, { client, expiresAtMs: expiresAt * 1000 });
      for (const oldest of this.#entries.keys()) {
        if (this.#entries.size <= this.#maxEntries) break;
        this.#entries.delete(oldest);
      }
    }
    return client;
  }
}
