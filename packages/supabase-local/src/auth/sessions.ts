// Sessions and refresh tokens (spec §6): one session per sign-in, 12-character refresh tokens
// rotated on every refresh, a reuse window, and revocation of the whole family on replay.

import { randomBytes, randomUUID } from "node:crypto";
import { audit } from "./audit.ts";
import type { Db } from "./db.ts";
import { AuthError } from "./errors.ts";

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

export interface AmrEntry {
  method: string;
  timestamp: number;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** GoTrue's v1 refresh token: 12 random lowercase base32 characters. */
export function newRefreshToken(): string {
  const bytes = randomBytes(12);
  let token = "";
  for (const byte of bytes) token += BASE32[byte & 31];
  return token;
}

export async function insertRefreshToken(
  db: Db,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent ?? "", sessionId],
  );
  return token;
}

/** Records (or refreshes) the sign-in method on a session, as GoTrue's mfa_amr_claims upsert. */
export async function addAmrClaim(db: Db, sessionId: string, method: string): Promise<void> {
  await db.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)
     on conflict (session_id, authentication_method) do update set updated_at = excluded.updated_at`,
    [randomUUID(), sessionId, method],
  );
}

export async function amrOf(db: Db, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await db.query<{ method: string; ts: string }>(
    `select authentication_method as method, floor(extract(epoch from updated_at))::bigint::text as ts
     from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  return rows.map((row) => ({ method: row.method, timestamp: Number(row.ts) }));
}

export interface NewSession {
  sessionId: string;
  refreshToken: string;
}

/** Starts a session for a sign-in: session row, first refresh token, AMR entry, last_sign_in_at. */
export async function startSession(
  db: Db,
  userId: string,
  method: string,
  client: ClientInfo,
): Promise<NewSession> {
  const sessionId = randomUUID();
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', null, $3, $4)`,
    [sessionId, userId, client.userAgent, client.ip],
  );
  const refreshToken = await insertRefreshToken(db, userId, sessionId, null);
  await addAmrClaim(db, sessionId, method);
  await audit(db, userId, "login", { provider: method }, client.ip);
  await db.query(
    "update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1",
    [userId],
  );
  return { sessionId, refreshToken };
}

export interface SessionRow {
  id: string;
  user_id: string;
  aal: string | null;
  not_after: Date | null;
}

export async function findSession(db: Db, sessionId: string): Promise<SessionRow | null> {
  const { rows } = await db.query<SessionRow>(
    "select id, user_id, aal::text as aal, not_after from auth.sessions where id = $1",
    [sessionId],
  );
  return rows[0] ?? null;
}

/** Logout scopes: every session, only `keep`'s siblings, or just one. Tokens cascade. */
export async function deleteSessions(
  db: Db,
  userId: string,
  scope: { only?: string; except?: string } = {},
): Promise<void> {
  if (scope.only) {
    await db.query("delete from auth.sessions where id = $1 and user_id = $2", [
      scope.only,
      userId,
    ]);
  } else if (scope.except) {
    await db.query("delete from auth.sessions where user_id = $1 and id <> $2", [
      userId,
      scope.except,
    ]);
  } else {
    await db.query("delete from auth.sessions where user_id = $1", [userId]);
  }
}

/** The token format check GoTrue runs before touching the database. */
export function assertRefreshTokenFormat(token: string): void {
  if (!/^[a-z0-9]{12}$/.test(token)) {
    throw new AuthError(400, "validation_failed", "Refresh token is not valid");
  }
}
