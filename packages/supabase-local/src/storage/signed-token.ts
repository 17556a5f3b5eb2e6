// Tokens of signed URLs: HS256 JWTs over the stack's JWT secret with the claims the real server
// issues (`url`, `scope`, and for uploads `owner`/`upsert`), so tests can decode them the same way.
import { jwtVerify, SignJWT } from "jose";
import { errors } from "./errors.ts";

export type Scope = "download" | "upload";

export interface SignedClaims {
  url: string;
  scope?: Scope;
  owner?: string;
  upsert?: boolean;
  exp?: number;
}

export async function signToken(
  secret: string,
  claims: Omit<SignedClaims, "exp">,
  expiresIn: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** Verifies a token for `url` and `scope`; tokens without `scope` are accepted by shape. */
export async function verifyToken(
  secret: string,
  token: string | null,
  url: string,
  scope: Scope,
): Promise<SignedClaims> {
  if (token === null) throw errors.validation("querystring must have required property 'token'");
  let claims: SignedClaims;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
    });
    claims = payload as unknown as SignedClaims;
  } catch (error) {
    throw errors.invalidJwt(error instanceof Error ? error.message : "Invalid JWT");
  }
  if (claims.url !== url) throw errors.invalidSignature();
  const tokenScope = claims.scope ?? (typeof claims.upsert === "boolean" ? "upload" : "download");
  if (tokenScope !== scope) throw errors.invalidJwt(`Token is not scoped for ${scope}`);
  return claims;
}
