// GoTrue's guards for user routes (`requireAuthentication`) and admin routes (`requireAdmin`),
// with the exact statuses and codes auth-js reacts to (spec §2.1).
import type { JWTPayload } from "jose";
import { InvalidTokenError } from "../keys/key-store.ts";
import type { Db } from "./db.ts";
import type { AuthDeps } from "./deps.ts";
import { AuthError } from "./errors.ts";
import { findSession } from "./sessions.ts";
import type { UserRow } from "./users-repo.ts";
import { findUserById } from "./users-repo.ts";
import { isUuid } from "./validate.ts";

export interface Authenticated {
  claims: JWTPayload;
  token: string;
  user: UserRow;
  sessionId: string | null;
}

/** The gateway hands over the bare token (it strips "Bearer "); a full header value also works. */
function bearer(authorization: string | null): string {
  const value = authorization?.trim() ?? "";
  const token = /^bearer (\S+)$/i.exec(value)?.[1] ?? (/^\S+$/.test(value) ? value : "");
  if (!token) {
    throw new AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token");
  }
  return token;
}

async function verifiedClaims(deps: AuthDeps, token: string): Promise<JWTPayload> {
  try {
    return await deps.keys.verify(token);
  } catch (error) {
    const detail =
      error instanceof InvalidTokenError ? error.message : "unable to parse or verify signature";
    throw new AuthError(
      403,
      "bad_jwt",
      `invalid JWT: unable to parse or verify signature, ${detail}`,
    );
  }
}

export async function requireUser(
  deps: AuthDeps,
  db: Db,
  authorization: string | null,
): Promise<Authenticated> {
  const token = bearer(authorization);
  const claims = await verifiedClaims(deps, token);
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  if (sub === "") throw new AuthError(403, "bad_jwt", "invalid claim: missing sub claim");
  if (!isUuid(sub)) throw new AuthError(400, "bad_jwt", "invalid claim: sub claim must be a UUID");
  const user = await findUserById(db, sub);
  if (!user)
    throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
  const sessionId = typeof claims.session_id === "string" ? claims.session_id : null;
  if (sessionId) {
    const session = isUuid(sessionId) ? await findSession(db, sessionId) : null;
    if (!session) {
      throw new AuthError(
        403,
        "session_not_found",
        "Session from session_id claim in JWT does not exist",
      );
    }
  }
  if (user.banned_until && user.banned_until.getTime() > Date.now()) {
    throw new AuthError(403, "user_banned", "User is banned");
  }
  return { claims, token, user, sessionId };
}

export async function requireAdmin(
  deps: AuthDeps,
  authorization: string | null,
): Promise<JWTPayload> {
  const claims = await verifiedClaims(deps, bearer(authorization));
  const role = typeof claims.role === "string" ? claims.role : "";
  if (!deps.settings.adminRoles.includes(role))
    throw new AuthError(403, "not_admin", "User not allowed");
  return claims;
}
