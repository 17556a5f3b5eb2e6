import { describe, expect, it } from "vitest";
import { TokenBucketLimiter } from "../src/limits/token-bucket.ts";

describe("TokenBucketLimiter", () => {
  it("allows a burst, then refuses with the seconds until the next token", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 3 });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) expect(limiter.take("ip", t).allowed).toBe(true);
    expect(limiter.take("ip", t)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refills at the sustained rate and never beyond the burst", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 6, burst: 2 });
    const t = 1_000_000;
    limiter.take("u", t);
    limiter.take("u", t);
    const refused = limiter.take("u", t);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take("u", t + 10_000).allowed).toBe(true);
    // An hour idle refills only up to the burst of 2.
    const later = t + 3_600_000;
    expect(limiter.take("u", later).allowed).toBe(true);
    expect(limiter.take("u", later).allowed).toBe(true);
    expect(limiter.take("u", later).allowed).toBe(false);
  });

  it("keeps keys apart", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1 });
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0).allowed).toBe(false);
    expect(limiter.take("b", 0).allowed).toBe(true);
  });

  it("stays bounded under a flood of distinct keys without resetting busy ones unfairly", () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1 }, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`k${i}`, 0);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});
