// Why a token was refused. Reasons are kept apart so logs can tell an attack from a clock problem
// from an outage, while clients only ever see 401 (or 503 when we could not check at all).

export type TokenErrorReason =
  | "missing"
  | "malformed"
  | "too_large"
  | "unsupported_alg"
  | "unknown_kid"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_audience"
  | "wrong_issuer"
  | "invalid_claims"
  | "jwks_unavailable";

export class TokenError extends Error {
  override name = "TokenError";
  readonly reason: TokenErrorReason;
  /** 503 only when the signing keys could not be fetched: the token may well be valid. */
  readonly status: 401 | 503;

  constructor(reason: TokenErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
    this.status = reason === "jwks_unavailable" ? 503 : 401;
  }
}
