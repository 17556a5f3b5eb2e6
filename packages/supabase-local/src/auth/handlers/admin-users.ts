// Admin user API (spec §2.17): list with GoTrue's pagination headers, create, get, update, delete.
import { audit } from "../audit.ts";
import { bannedUntil } from "../ban.ts";
import type { Db } from "../db.ts";
import { isUniqueViolation, withTx } from "../db.ts";
import type { AuthDeps, Handler } from "../deps.ts";
import { AuthError, sendJson } from "../errors.ts";
import type { JsonObject } from "../json-body.ts";
import { optionalBoolean, optionalObject, optionalString, readJsonObject } from "../json-body.ts";
import { mergeMetadata } from "../metadata.ts";
import { confirmEmail, createEmailUser } from "../new-user.ts";
import { assertAcceptablePassword, hashPassword, randomPassword } from "../passwords.ts";
import { requireAdmin } from "../require-user.ts";
import { deleteSessions } from "../sessions.ts";
import { loadUserJson } from "../tokens.ts";
import { userJson } from "../user-json.ts";
import type { UserRow } from "../users-repo.ts";
import { findUserByEmail, findUserById, listIdentities } from "../users-repo.ts";
import { isUuid, validateEmail } from "../validate.ts";
import { listUsers } from "./admin-list.ts";

export { listUsers };

const emailExists = () =>
  new AuthError(422, "email_exists", "A user with this email address has already been registered");

async function passwordHashFrom(deps: AuthDeps, body: JsonObject): Promise<string | undefined> {
  const password = optionalString(body, "password");
  const passwordHash = optionalString(body, "password_hash");
  if (password !== undefined && passwordHash !== undefined) {
    throw new AuthError(
      400,
      "validation_failed",
      "Only a password or a password hash should be provided",
    );
  }
  if (passwordHash !== undefined) {
    if (!/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(passwordHash)) {
      throw new AuthError(
        400,
        "validation_failed",
        "Invalid password hash format: only bcrypt hashes are supported",
      );
    }
    return passwordHash;
  }
  if (password === undefined) return undefined;
  assertAcceptablePassword(password, deps.settings, "Password cannot be empty");
  return hashPassword(password);
}

export const createUser: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const body = await readJsonObject(request.req);
  const rawEmail = optionalString(body, "email") ?? "";
  if (optionalString(body, "phone")) {
    throw new AuthError(
      400,
      "phone_provider_disabled",
      "Phone users are not supported by this server",
    );
  }
  if (rawEmail === "")
    throw new AuthError(
      400,
      "validation_failed",
      "Unable to validate email address: invalid format",
    );
  const email = validateEmail(rawEmail);
  const customId = optionalString(body, "id");
  if (customId !== undefined && !isUuid(customId))
    throw new AuthError(400, "validation_failed", "id must be a UUID");
  const encryptedPassword =
    (await passwordHashFrom(deps, body)) ?? (await hashPassword(randomPassword()));
  const userMetadata = optionalObject(body, "user_metadata") ?? {};
  const appMetadata = optionalObject(body, "app_metadata") ?? {};
  const emailConfirm = optionalBoolean(body, "email_confirm") ?? false;
  const banDuration = optionalString(body, "ban_duration");
  const banned = banDuration ? bannedUntil(banDuration) : null;

  const user = await withTx(deps.pool, async (db) => {
    if (await findUserByEmail(db, email)) throw emailExists();
    const id = await createEmailUser(db, {
      id: customId,
      email,
      encryptedPassword,
      data: userMetadata,
      aud: optionalString(body, "aud") || deps.settings.audience,
      role: optionalString(body, "role") || "authenticated",
      appMetadata,
      copyIdentityData: false,
    });
    if (emailConfirm) await confirmEmail(db, id);
    if (banned)
      await db.query("update auth.users set banned_until = $2 where id = $1", [id, banned]);
    return loadUserJson(db, id);
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw emailExists();
    if (error instanceof AuthError) throw error;
    throw new AuthError(500, "unexpected_failure", "Database error creating new user", {}, error);
  });
  sendJson(request.res, 200, user);
};

async function userOr404(db: Db, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw new AuthError(404, "validation_failed", "user_id must be an UUID");
  const user = await findUserById(db, id, true);
  if (!user) throw new AuthError(404, "user_not_found", "User not found");
  return user;
}

export const getUserById: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const body = await withTx(deps.pool, async (db) => {
    const user = await userOr404(db, request.params.id ?? "");
    return userJson(user, await listIdentities(db, user.id));
  });
  sendJson(request.res, 200, body);
};

export const updateUserById: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const body = await readJsonObject(request.req);
  const rawEmail = optionalString(body, "email");
  const email = rawEmail ? validateEmail(rawEmail) : undefined;
  const encryptedPassword = await passwordHashFrom(deps, body);
  const userMetadata = optionalObject(body, "user_metadata");
  const appMetadata = optionalObject(body, "app_metadata");
  const banDuration = optionalString(body, "ban_duration");
  const banned = banDuration ? { until: bannedUntil(banDuration) } : null;
  const role = optionalString(body, "role");
  const emailConfirm = optionalBoolean(body, "email_confirm");

  const result = await withTx(deps.pool, async (db) => {
    const user = await userOr404(db, request.params.id ?? "");
    if (email && email !== user.email) {
      const other = await findUserByEmail(db, email);
      if (other && other.id !== user.id) throw emailExists();
      await db.query("update auth.users set email = $2, updated_at = now() where id = $1", [
        user.id,
        email,
      ]);
      await db.query(
        `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
         where user_id = $1 and provider = 'email'`,
        [user.id, email],
      );
    }
    if (encryptedPassword) {
      await db.query(
        "update auth.users set encrypted_password = $2, updated_at = now() where id = $1",
        [user.id, encryptedPassword],
      );
      await deleteSessions(db, user.id);
    }
    if (userMetadata) await mergeMetadata(db, user.id, "raw_user_meta_data", userMetadata);
    if (appMetadata) await mergeMetadata(db, user.id, "raw_app_meta_data", appMetadata);
    if (role)
      await db.query("update auth.users set role = $2, updated_at = now() where id = $1", [
        user.id,
        role,
      ]);
    if (banned) {
      await db.query("update auth.users set banned_until = $2, updated_at = now() where id = $1", [
        user.id,
        banned.until,
      ]);
    }
    if (emailConfirm) await confirmEmail(db, user.id);
    return loadUserJson(db, user.id);
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw emailExists();
    throw error;
  });
  sendJson(request.res, 200, result);
};

export const deleteUser: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const body = await readJsonObject(request.req);
  const soft = optionalBoolean(body, "should_soft_delete") ?? false;
  await withTx(deps.pool, async (db) => {
    const user = await userOr404(db, request.params.id ?? "");
    await audit(db, user.id, "user_deleted", { soft });
    if (!soft) {
      await db.query("delete from auth.users where id = $1", [user.id]);
      return;
    }
    // Soft delete: the row stays (FKs keep pointing at it) but can never sign in again.
    await deleteSessions(db, user.id);
    await db.query("delete from auth.identities where user_id = $1", [user.id]);
    await db.query(
      `update auth.users set email = null, phone = null, encrypted_password = '', deleted_at = now(),
         raw_app_meta_data = '{}'::jsonb, raw_user_meta_data = '{}'::jsonb, updated_at = now()
       where id = $1`,
      [user.id],
    );
  });
  sendJson(request.res, 200, {});
};
