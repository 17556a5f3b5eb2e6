// Maps what jose (or our key resolver) threw to one TokenError reason.
import { errors } from "jose";
import { KeysUnavailableError } from "./remote-keys.ts";
import { TokenError } from "./token-error.ts";

export function classifyVerificationError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof KeysUnavailableError) {
    return new TokenError("jwks_unavailable", "signing keys could not be fetched", {
      cause: error,
    });
  }
  if (error instanceof errors.JWTExpired) return new TokenError("expired", "token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return new TokenError("not_yet_valid", "token is not valid yet");
    if (error.claim === "aud") return new TokenError("wrong_audience", "token audience is wrong");
    if (error.claim === "iss") return new TokenError("wrong_issuer", "token issuer is wrong");
    return new TokenError("invalid_claims", `token claim '${error.claim}' is invalid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenError("bad_signature", "token signature does not verify");
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new TokenError("unsupported_alg", "token algorithm is not accepted");
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new TokenError("unknown_kid", "token was signed by an unknown key");
  }
  if (error instanceof errors.JOSEError || error instanceof TypeError) {
    return new TokenError("malformed", "token is malformed");
  }
  // Anything else is a bug on our side; refuse the token rather than guess.
  return new TokenError("malformed", "token could not be verified", { cause: error });
}
