// POST /otp (magic link / e-mail code, spec §2.10), POST /recover (§2.12), POST /resend (§2.13).
import { audit } from "../audit.ts";
import { withTx } from "../db.ts";
import type { Handler } from "../deps.ts";
import { createPasswordlessUser, issueLink } from "../email-flow.ts";
import { assertCanSend } from "../email-tokens.ts";
import { AuthError, sendJson } from "../errors.ts";
import { optionalBoolean, optionalString, readJsonObject } from "../json-body.ts";
import { confirmEmail } from "../new-user.ts";
import { redirectTarget } from "../redirect.ts";
import { findUserByEmail } from "../users-repo.ts";
import { metadataField, readPkceParams, validateEmail } from "../validate.ts";

export const otp: Handler = async (deps, request) => {
  const body = await readJsonObject(request.req);
  const email = optionalString(body, "email") ?? "";
  if (optionalString(body, "phone"))
    throw new AuthError(400, "phone_provider_disabled", "Unsupported phone provider");
  if (email === "") throw new AuthError(400, "validation_failed", "An email address is required");
  if (!deps.settings.emailEnabled)
    throw new AuthError(422, "email_provider_disabled", "Email logins are disabled");
  const address = validateEmail(email);
  const createUser = optionalBoolean(body, "create_user") ?? true;
  const data = metadataField(body, "data");
  const pkce = readPkceParams(body);
  const redirectTo = redirectTarget(deps.settings, request.url.searchParams.get("redirect_to"));

  await withTx(deps.pool, async (db) => {
    let user = await findUserByEmail(db, address, true);
    if (!user) {
      if (!createUser) throw new AuthError(422, "otp_disabled", "Signups not allowed for otp");
      if (!deps.settings.signupEnabled)
        throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
      const id = await createPasswordlessUser(deps, db, address, data);
      if (deps.settings.autoconfirm) await confirmEmail(db, id);
      user = await findUserByEmail(db, address, true);
      if (!user) throw new Error("user vanished after insert");
    }
    const kind = user.email_confirmed_at ? "magiclink" : "signup";
    assertCanSend(
      kind === "magiclink" ? user.recovery_sent_at : user.confirmation_sent_at,
      deps.settings,
    );
    await issueLink(deps, db, { userId: user.id, email: address, kind, pkce, redirectTo });
  });
  sendJson(request.res, 200, {});
};

export const recover: Handler = async (deps, request) => {
  const body = await readJsonObject(request.req);
  const email = optionalString(body, "email") ?? "";
  if (email === "")
    throw new AuthError(400, "validation_failed", "Password recovery requires an email");
  const address = validateEmail(email);
  const pkce = readPkceParams(body);
  const redirectTo = redirectTarget(deps.settings, request.url.searchParams.get("redirect_to"));
  await withTx(deps.pool, async (db) => {
    const user = await findUserByEmail(db, address, true);
    // Unknown addresses get the same 200: the endpoint must not reveal who has an account.
    if (!user) return;
    assertCanSend(user.recovery_sent_at, deps.settings);
    await issueLink(deps, db, {
      userId: user.id,
      email: address,
      kind: "recovery",
      pkce,
      redirectTo,
    });
    await audit(db, user.id, "user_recovery_requested", {}, request.client.ip);
  });
  sendJson(request.res, 200, {});
};

export const resend: Handler = async (deps, request) => {
  const body = await readJsonObject(request.req);
  const type = optionalString(body, "type") ?? "";
  if (type === "sms" || type === "phone_change") {
    throw new AuthError(400, "phone_provider_disabled", "Unsupported phone provider");
  }
  if (type !== "signup" && type !== "email_change") {
    throw new AuthError(
      400,
      "validation_failed",
      "Missing one of these types: signup, email_change, sms, phone_change",
    );
  }
  const email = optionalString(body, "email") ?? "";
  if (email === "") throw new AuthError(400, "validation_failed", "An email address is required");
  const address = validateEmail(email);
  const pkce = readPkceParams(body);
  const redirectTo = redirectTarget(deps.settings, request.url.searchParams.get("redirect_to"));
  await withTx(deps.pool, async (db) => {
    const user = await findUserByEmail(db, address, true);
    if (!user) return;
    if (type === "signup") {
      if (user.email_confirmed_at) return;
      assertCanSend(user.confirmation_sent_at, deps.settings);
      await issueLink(deps, db, {
        userId: user.id,
        email: address,
        kind: "signup",
        pkce,
        redirectTo,
      });
      return;
    }
    if (!user.email_change) return;
    assertCanSend(user.email_change_sent_at, deps.settings);
    await issueLink(deps, db, {
      userId: user.id,
      email: user.email_change,
      kind: "email_change",
      pkce,
      redirectTo,
    });
  });
  sendJson(request.res, 200, {});
};
