// The refresh_token grant (spec §2.5 and §6): rotation, reuse window, family revocation.
import { audit } from "./audit.ts";
import type { Db } from "./db.ts";
import { AuthError } from "./errors.ts";
import type { ClientInfo } from "./sessions.ts";
import { insertRefreshToken } from "./sessions.ts";
import type { AuthSettings } from "./settings.ts";
import type { UserRow } from "./users-repo.ts";
import { findUserById } from "./users-repo.ts";

interface TokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string;
  session_id: string | null;
  updated_at: Date;
}

export type RefreshOutcome =
  | { ok: true; user: UserRow; sessionId: string; refreshToken: string }
  /** A failure whose side effects (a revoked family) must still be committed. */
  | { ok: false; error: AuthError };

const fail = (code: string, message: string): RefreshOutcome => ({
  ok: false,
  error: new AuthError(400, code, message),
});

export async function refreshGrant(
  db: Db,
  presented: string,
  settings: AuthSettings,
  client: ClientInfo,
): Promise<RefreshOutcome> {
  const { rows } = await db.query<TokenRow>(
    `select id::text as id, token, user_id, coalesce(revoked, false) as revoked,
       coalesce(parent, '') as parent, session_id, coalesce(updated_at, now()) as updated_at
     from auth.refresh_tokens where token = $1`,
    [presented],
  );
  const token = rows[0];
  if (!token)
    return fail("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
  if (!token.session_id)
    return fail("session_not_found", "Invalid Refresh Token: No Valid Session Found");

  // Serialises concurrent refreshes of one session; a stuck lock (lock_timeout) becomes a 409.
  const session = await db
    .query<{ id: string; not_after: Date | null }>(
      "select id, not_after from auth.sessions where id = $1 for update",
      [token.session_id],
    )
    .catch((error: { code?: string }) => {
      if (error.code === "55P03")
        throw new AuthError(409, "conflict", "Concurrent refresh requests for the same session");
      throw error;
    });
  const sessionRow = session.rows[0];
  if (!sessionRow)
    return fail("session_not_found", "Invalid Refresh Token: No Valid Session Found");

  const user = await findUserById(db, token.user_id);
  if (!user)
    return fail("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
  if (user.banned_until && user.banned_until.getTime() > Date.now()) {
    return fail("user_banned", "Invalid Refresh Token: User Banned");
  }
  if (sessionRow.not_after && sessionRow.not_after.getTime() < Date.now()) {
    return fail("session_expired", "Invalid Refresh Token: Session Expired");
  }

  // Re-read under the session lock: a concurrent refresh may just have revoked this token.
  const fresh = await db.query<{ revoked: boolean; updated_at: Date }>(
    "select coalesce(revoked, false) as revoked, coalesce(updated_at, now()) as updated_at from auth.refresh_tokens where id = $1",
    [token.id],
  );
  const current = fresh.rows[0] ?? token;

  let issued: string | null = null;
  if (current.revoked) {
    const active = await db.query<{ token: string; parent: string }>(
      `select token, coalesce(parent, '') as parent from auth.refresh_tokens
       where session_id = $1 and not coalesce(revoked, false) order by id desc limit 1`,
      [sessionRow.id],
    );
    const activeRow = active.rows[0];
    if (activeRow && activeRow.parent === token.token) {
      // The client lost the previous answer: hand back the token it should have received.
      issued = activeRow.token;
    } else {
      // The window only covers tokens that were rotated (they have a child). A token revoked
      // with its family has none, so its holder cannot mint new tokens from it.
      const child = await db.query("select 1 from auth.refresh_tokens where parent = $1 limit 1", [
        token.token,
      ]);
      const reuseUntil = current.updated_at.getTime() + settings.reuseIntervalSeconds * 1000;
      if (!child.rowCount || Date.now() > reuseUntil) {
        if (settings.rotation) {
          await db.query(
            "update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and not coalesce(revoked, false)",
            [sessionRow.id],
          );
        }
        return fail("refresh_token_already_used", "Invalid Refresh Token: Already Used");
      }
    }
  }
  if (!issued) {
    if (!current.revoked) {
      await db.query(
        "update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1",
        [token.id],
      );
    }
    issued = await insertRefreshToken(db, user.id, sessionRow.id, token.token);
  }
  await audit(db, user.id, "token_refreshed", {}, client.ip);
  await db.query(
    "update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(), user_agent = $2, ip = $3 where id = $1",
    [sessionRow.id, client.userAgent, client.ip],
  );
  return { ok: true, user, sessionId: sessionRow.id, refreshToken: issued };
}
