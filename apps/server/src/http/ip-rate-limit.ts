// Per-IP limit, applied before any body is read or token verified so floods stay cheap.
import type { RequestHandler } from "express";
import type { TokenBucketLimiter } from "../limits/token-bucket.ts";
import { trpcStyleErrorFor } from "./trpc-style-error.ts";

export function ipRateLimit(limiter: TokenBucketLimiter): RequestHandler {
  return (req, res, next) => {
    const verdict = limiter.take(req.ip ?? "unknown");
    if (verdict.allowed) return next();
    res.setHeader("Retry-After", String(verdict.retryAfterSeconds));
    res.status(429).json(trpcStyleErrorFor(req, "TOO_MANY_REQUESTS", 429, "Too many requests"));
  };
}
