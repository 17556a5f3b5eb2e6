// Access tokens (spec §5.2: claims in GoTrue's order) and the session object of spec §3.1.
import type { KeyStore } from "../keys/key-store.ts";
import type { Db } from "./db.ts";
import { amrOf } from "./sessions.ts";
import type { AuthSettings } from "./settings.ts";
import { userJson } from "./user-json.ts";
import type { UserRow } from "./users-repo.ts";
import { findUserById, listIdentities } from "./users-repo.ts";

export interface TokenIssuer {
  keys: KeyStore;
  settings: AuthSettings;
}

export interface SessionExtras {
  provider_token?: string;
  provider_refresh_token?: string;
  weak_password?: { message: string; reasons: string[] };
}

export async function signAccessToken(
  issuer: TokenIssuer,
  db: Db,
  user: UserRow,
  sessionId: string,
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + issuer.settings.jwtExpiry;
  const { rows } = await db.query<{ aal: string | null }>(
    "select aal::text as aal from auth.sessions where id = $1",
    [sessionId],
  );
  const claims = {
    iss: issuer.keys.issuer,
    sub: user.id,
    aud: user.aud || issuer.settings.audience,
    exp,
    iat,
    email: user.email,
    phone: user.phone,
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    role: user.role,
    aal: rows[0]?.aal ?? "aal1",
    amr: await amrOf(db, sessionId),
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  return { token: await issuer.keys.signAccessToken(claims), expiresAt: exp };
}

/** Builds the token response after every write of this sign-in. Pass the user row when it was
 * just read under the session lock (refresh); an id re-reads it. */
export async function sessionResponse(
  issuer: TokenIssuer,
  db: Db,
  userOrId: string | UserRow,
  session: { sessionId: string; refreshToken: string },
  extras: SessionExtras = {},
): Promise<Record<string, unknown>> {
  const user = typeof userOrId === "string" ? await findUserById(db, userOrId) : userOrId;
  if (!user) throw new Error(`user ${String(userOrId)} vanished while issuing a session`);
  const { token, expiresAt } = await signAccessToken(issuer, db, user, session.sessionId);
  return {
    access_token: token,
    token_type: "bearer",
    expires_in: Math.max(1, expiresAt - Math.floor(Date.now() / 1000)),
    expires_at: expiresAt,
    refresh_token: session.refreshToken,
    user: userJson(user, await listIdentities(db, user.id)),
    ...extras,
  };
}

/** The bare user object, identities included (GET /user, admin routes, unconfirmed signup). */
export async function loadUserJson(db: Db, userId: string): Promise<Record<string, unknown>> {
  const user = await findUserById(db, userId);
  if (!user) throw new Error(`user ${userId} not found`);
  return userJson(user, await listIdentities(db, user.id));
}
