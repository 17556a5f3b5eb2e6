// In-memory token buckets, one per key (an IP or a user id). Each bucket holds up to `burst`
// tokens and refills at `perMinute / 60` tokens per second; a request takes one token.

export interface BucketRule {
  perMinute: number;
  burst: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #burst: number;
  readonly #perMs: number;
  readonly #maxKeys: number;

  constructor(rule: BucketRule, maxKeys = 100_000) {
    this.#burst = rule.burst;
    this.#perMs = rule.perMinute / 60_000;
    this.#maxKeys = maxKeys;
  }

  /** Takes `cost` tokens (one per request or per batched call) or none when too few are left. */
  take(key: string, now: number = Date.now(), cost = 1): TakeResult {
    const bucket = this.#buckets.get(key) ?? this.#create(key, now);
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.updatedAt) * this.#perMs);
    bucket.updatedAt = now;
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true };
    }
    const waitMs = (Math.min(cost, this.#burst) - bucket.tokens) / this.#perMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #create(key: string, now: number): Bucket {
    if (this.#buckets.size >= this.#maxKeys) this.#forgetFullBuckets(now);
    const bucket = { tokens: this.#burst, updatedAt: now };
    this.#buckets.set(key, bucket);
    return bucket;
  }

  /** A bucket that has refilled completely carries no information, so it can go. If every bucket
   * is still draining (a flood of distinct keys), the oldest half goes: memory stays bounded. */
  #forgetFullBuckets(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#perMs >= this.#burst) {
        this.#buckets.delete(key);
      }
    }
    if (this.#buckets.size < this.#maxKeys) return;
    let toDrop = Math.ceil(this.#maxKeys / 2);
    for (const key of this.#buckets.keys()) {
      if (toDrop-- <= 0) break;
      this.#buckets.delete(key);
    }
  }
}
