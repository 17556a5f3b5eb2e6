// SQL on auth.users and auth.identities. Columns are read with coalesce so rows written by seed
// SQL with NULL token columns still work (GoTrue itself would choke on them).
import type { Db } from "./db.ts";
import type { TokenColumn } from "./email-tokens.ts";

export const ZERO_INSTANCE = "00000000-0000-0000-0000-000000000000";

export interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string;
  phone: string;
  encrypted_password: string;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string;
  confirmation_sent_at: Date | null;
  recovery_token: string;
  recovery_sent_at: Date | null;
  email_change: string;
  email_change_token_new: string;
  email_change_token_current: string;
  email_change_sent_at: Date | null;
  email_change_confirm_status: number;
  reauthentication_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  email: string | null;
}

const USER_COLUMNS = `id, coalesce(aud, '') as aud, coalesce(role, '') as role,
  coalesce(email, '') as email, coalesce(phone, '') as phone,
  coalesce(encrypted_password, '') as encrypted_password, email_confirmed_at, phone_confirmed_at,
  confirmed_at, invited_at, coalesce(confirmation_token, '') as confirmation_token,
  confirmation_sent_at, coalesce(recovery_token, '') as recovery_token, recovery_sent_at,
  coalesce(email_change, '') as email_change,
  coalesce(email_change_token_new, '') as email_change_token_new,
  coalesce(email_change_token_current, '') as email_change_token_current, email_change_sent_at,
  coalesce(email_change_confirm_status, 0) as email_change_confirm_status,
  reauthentication_sent_at, last_sign_in_at,
  coalesce(raw_app_meta_data, '{}'::jsonb) as raw_app_meta_data,
  coalesce(raw_user_meta_data, '{}'::jsonb) as raw_user_meta_data, banned_until, deleted_at,
  is_anonymous, coalesce(created_at, now()) as created_at, coalesce(updated_at, now()) as updated_at`;

async function one(
  db: Db,
  where: string,
  params: unknown[],
  lock: boolean,
): Promise<UserRow | null> {
  const sql = `select ${USER_COLUMNS} from auth.users where ${where} limit 1${lock ? " for update" : ""}`;
  const { rows } = await db.query<UserRow>(sql, params);
  return rows[0] ?? null;
}

export function findUserById(db: Db, id: string, lock = false): Promise<UserRow | null> {
  return one(db, "id = $1", [id], lock);
}

export function findUserByEmail(db: Db, email: string, lock = false): Promise<UserRow | null> {
  return one(db, "lower(email) = lower($1) and is_sso_user = false", [email], lock);
}

/** Looks a user up by an e-mail token hash in one of the token columns. */
export function findUserByToken(
  db: Db,
  column: TokenColumn,
  tokenHash: string,
): Promise<UserRow | null> {
  return one(db, `${column} = $1`, [tokenHash], true);
}

/** Sets columns of one user (names come from code, never from requests) and bumps updated_at. */
export async function updateUser(
  db: Db,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const names = Object.keys(fields);
  const sets = names.map((name, i) => `${name} = $${i + 2}`);
  await db.query(
    `update auth.users set ${[...sets, "updated_at = now()"].join(", ")} where id = $1`,
    [id, ...names.map((name) => fields[name])],
  );
}

export interface NewUser {
  id: string;
  email: string | null;
  phone?: string | null;
  encryptedPassword: string;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
  aud: string;
  isAnonymous?: boolean;
}

/** First write of a new user, as GoTrue makes it: role '' and no confirmation yet. */
export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password,
       raw_app_meta_data, raw_user_meta_data, is_super_admin, is_anonymous, created_at, updated_at,
       confirmation_token, recovery_token, email_change_token_new, email_change,
       email_change_token_current, phone_change, phone_change_token, reauthentication_token)
     values ($1, $2, $3, '', $4, $5, $6, $7, $8, false, $9, now(), now(), '', '', '', '', '', '', '', '')`,
    [
      ZERO_INSTANCE,
      user.id,
      user.aud,
      user.email,
      user.phone ?? null,
      user.encryptedPassword,
      user.appMetadata,
      user.userMetadata,
      user.isAnonymous ?? false,
    ],
  );
}

export async function listIdentities(db: Db, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at,
       coalesce(created_at, now()) as created_at, coalesce(updated_at, now()) as updated_at, email
     from auth.identities where user_id = $1 order by created_at, id`,
    [userId],
  );
  return rows;
}

export async function insertIdentity(
  db: Db,
  identity: { providerId: string; userId: string; provider: string; data: Record<string, unknown> },
): Promise<void> {
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, $4, now(), now(), now())`,
    [identity.providerId, identity.userId, identity.data, identity.provider],
  );
}

export async function findIdentity(
  db: Db,
  provider: string,
  providerId: string,
): Promise<IdentityRow | null> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where provider = $1 and provider_id = $2`,
    [provider, providerId],
  );
  return rows[0] ?? null;
}

/** Several users with their identities in two queries, in the order of `ids` (admin list). */
export async function usersWithIdentities(
  db: Db,
  ids: string[],
): Promise<{ user: UserRow; identities: IdentityRow[] }[]> {
  if (ids.length === 0) return [];
  const users = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = any($1::uuid[])`,
    [ids],
  );
  const identities = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at,
       coalesce(created_at, now()) as created_at, coalesce(updated_at, now()) as updated_at, email
     from auth.identities where user_id = any($1::uuid[]) order by created_at, id`,
    [ids],
  );
  const byId = new Map(users.rows.map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const user = byId.get(id);
    return user ? [{ user, identities: identities.rows.filter((i) => i.user_id === id) }] : [];
  });
}
