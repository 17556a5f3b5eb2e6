// The HTTP side of the tRPC context: verify the bearer token (if any), apply the per-user limit,
// then hand over to the API's pure createContextInner.

import { type ApiDeps, createContextInner } from "@docket/api";
import {
  type AccessClaims,
  type AccessTokenVerifier,
  extractBearerToken,
  TokenError,
} from "@docket/auth";
import type { CreateExpressContextOptions } from "@trpc/server/adapters/express";
import type { TokenBucketLimiter } from "../limits/token-bucket.ts";
import { rateLimitedToTrpc, tokenErrorToTrpc } from "./auth-errors.ts";

export interface ContextFactoryDeps {
  verifier: AccessTokenVerifier;
  userLimiter: TokenBucketLimiter;
  api: ApiDeps;
}

export function createContextFactory(deps: ContextFactoryDeps) {
  return async ({ req, res, info }: CreateExpressContextOptions) => {
    let token: string | null = null;
    let user: AccessClaims | null = null;
    try {
      token = extractBearerToken(req.headers.authorization);
      if (token !== null) user = await deps.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      res.locals.authFailure = error.reason;
      throw tokenErrorToTrpc(error);
    }
    if (user) {
      res.locals.userId = user.sub;
      // Each call of a batch counts, so batching cannot multiply the allowance.
      const verdict = deps.userLimiter.take(user.sub, Date.now(), Math.max(1, info.calls.length));
      if (!verdict.allowed) throw rateLimitedToTrpc(verdict.retryAfterSeconds);
    }
    return createContextInner({ requestId: res.locals.requestId, user, token, deps: deps.api });
  };
}
