// GET /user and PUT /user (spec §2.7, §2.8).
import { audit } from "../audit.ts";
import { withTx } from "../db.ts";
import type { Handler } from "../deps.ts";
import { changeEmail } from "../email-change.ts";
import { AuthError, sendJson } from "../errors.ts";
import { optionalString, readJsonObject } from "../json-body.ts";
import { mergeMetadata } from "../metadata.ts";
import { changePassword } from "../password-change.ts";
import { checkNonce, sendReauthentication } from "../reauthentication.ts";
import { redirectTarget } from "../redirect.ts";
import { requireUser } from "../require-user.ts";
import { loadUserJson } from "../tokens.ts";
import { readPkceParams, validateEmail } from "../validate.ts";

export const getUser: Handler = async (deps, request) => {
  const body = await withTx(deps.pool, async (db) => {
    const { user } = await requireUser(deps, db, request.authorization);
    return loadUserJson(db, user.id);
  });
  sendJson(request.res, 200, body);
};

export const updateUser: Handler = async (deps, request) => {
  const body = await readJsonObject(request.req);
  if (body.app_metadata !== undefined && body.app_metadata !== null) {
    throw new AuthError(403, "not_admin", "Updating app_metadata requires admin privileges");
  }
  const data = body.data;
  if (data !== undefined && data !== null && (typeof data !== "object" || Array.isArray(data))) {
    throw new AuthError(400, "validation_failed", "data must be a JSON object");
  }
  const password = optionalString(body, "password");
  const nonce = optionalString(body, "nonce");
  const rawEmail = optionalString(body, "email");
  const email = rawEmail === undefined || rawEmail === "" ? undefined : validateEmail(rawEmail);
  if (optionalString(body, "phone")) {
    throw new AuthError(400, "phone_provider_disabled", "Unsupported phone provider");
  }
  const pkce = readPkceParams(body);
  const redirectTo = redirectTarget(deps.settings, request.url.searchParams.get("redirect_to"));

  const result = await withTx(deps.pool, async (db) => {
    const auth = await requireUser(deps, db, request.authorization);
    const user = auth.user;
    if (data) {
      await mergeMetadata(db, user.id, "raw_user_meta_data", data as Record<string, unknown>);
    }
    if (password !== undefined) {
      if (user.is_anonymous && !user.email && !email) {
        throw new AuthError(
          422,
          "validation_failed",
          "Updating password of an anonymous user without an email or phone is not allowed",
        );
      }
      await checkNonce(deps, db, user, nonce);
      await changePassword(deps, db, user, password, { keepSession: auth.sessionId });
    }
    if (email !== undefined && email !== user.email) {
      await changeEmail(deps, db, user, email, { pkce, redirectTo });
    }
    await audit(db, user.id, "user_modified", {}, request.client.ip);
    return loadUserJson(db, user.id);
  });
  sendJson(request.res, 200, result);
};

export const reauthenticate: Handler = async (deps, request) => {
  await withTx(deps.pool, async (db) => {
    const { user } = await requireUser(deps, db, request.authorization);
    await sendReauthentication(deps, db, user);
  });
  sendJson(request.res, 200, {});
};
