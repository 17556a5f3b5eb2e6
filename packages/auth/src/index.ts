export { extractBearerToken } from "./bearer.ts";
export type { AccessClaims } from "./claims.ts";
export { accessClaimsSchema } from "./claims.ts";
export type { TokenErrorReason } from "./token-error.ts";
export { TokenError } from "./token-error.ts";
export type { AccessTokenVerifier, AccessTokenVerifierOptions } from "./verifier.ts";
export { createAccessTokenVerifier } from "./verifier.ts";
