// POST /admin/generate_link (links without sending mail) and POST /invite (spec §2.17).
import type { Db } from "../db.ts";
import { withTx } from "../db.ts";
import type { AuthDeps, Handler } from "../deps.ts";
import { createPasswordlessUser, issueLink } from "../email-flow.ts";
import { issueEmailToken } from "../email-tokens.ts";
import { AuthError, sendJson } from "../errors.ts";
import { optionalString, readJsonObject } from "../json-body.ts";
import type { MailKind } from "../mailer.ts";
import { verifyLink } from "../mailer.ts";
import { createEmailUser } from "../new-user.ts";
import { assertAcceptablePassword, hashPassword } from "../passwords.ts";
import { redirectTarget } from "../redirect.ts";
import { requireAdmin } from "../require-user.ts";
import { loadUserJson } from "../tokens.ts";
import { findUserByEmail } from "../users-repo.ts";
import { metadataField, validateEmail } from "../validate.ts";

const LINK_TYPES = [
  "signup",
  "invite",
  "magiclink",
  "recovery",
  "email_change_current",
  "email_change_new",
];

const emailExists = () =>
  new AuthError(422, "email_exists", "A user with this email address has already been registered");

export const generateLink: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const body = await readJsonObject(request.req);
  const type = optionalString(body, "type") ?? "";
  if (!LINK_TYPES.includes(type))
    throw new AuthError(400, "validation_failed", "Invalid email action link type requested");
  const email = validateEmail(optionalString(body, "email") ?? "");
  const data = metadataField(body, "data");
  const password = optionalString(body, "password");
  const newEmail = type.startsWith("email_change")
    ? validateEmail(optionalString(body, "new_email") ?? "")
    : "";
  if (type === "signup")
    assertAcceptablePassword(password ?? "", deps.settings, "Signup requires a valid password");
  const encrypted = type === "signup" ? await hashPassword(password ?? "") : null;
  const redirectTo = redirectTarget(deps.settings, request.url.searchParams.get("redirect_to"));

  const result = await withTx(deps.pool, async (db) => {
    let user = await findUserByEmail(db, email, true);
    let verification: MailKind;
    let mailTo = email;
    if (type === "signup" || type === "invite") {
      if (user?.email_confirmed_at) throw emailExists();
      if (!user) {
        if (encrypted)
          await createEmailUser(db, {
            email,
            encryptedPassword: encrypted,
            data,
            aud: deps.settings.audience,
          });
        else await createPasswordlessUser(deps, db, email, data);
      }
      verification = type;
    } else if (type === "magiclink") {
      if (!user) await createPasswordlessUser(deps, db, email, data);
      verification = user ? "magiclink" : "signup";
    } else if (type === "recovery") {
      if (!user) throw new AuthError(404, "user_not_found", "User with this email not found");
      verification = "recovery";
    } else {
      if (!user) throw new AuthError(404, "user_not_found", "User with this email not found");
      if (await findUserByEmail(db, newEmail)) throw emailExists();
      await db.query(
        "update auth.users set email_change = $2, email_change_confirm_status = 0 where id = $1",
        [user.id, newEmail],
      );
      verification = "email_change";
      mailTo = type === "email_change_new" ? newEmail : email;
    }
    user = await findUserByEmail(db, email, true);
    if (!user) throw new Error("user vanished while generating a link");
    if (type === "invite")
      await db.query("update auth.users set invited_at = now() where id = $1", [user.id]);
    const issued = await linkToken(deps, db, user.id, type, verification, mailTo, redirectTo);
    const linkType =
      type === "email_change_current" || type === "email_change_new"
        ? "email_change"
        : verification;
    return {
      ...(await loadUserJson(db, user.id)),
      action_link: verifyLink(deps, issued.hashedToken, linkType, redirectTo),
      email_otp: issued.otp,
      hashed_token: issued.hashedToken,
      verification_type: linkType,
      redirect_to: redirectTo,
    };
  });
  sendJson(request.res, 200, result);
};

async function linkToken(
  deps: AuthDeps,
  db: Db,
  userId: string,
  type: string,
  kind: MailKind,
  email: string,
  redirectTo: string,
) {
  if (type === "email_change_current") {
    return issueEmailToken(db, { id: userId }, "email_change_current", email, {
      pkce: false,
      settings: deps.settings,
    });
  }
  return issueLink(deps, db, { userId, email, kind, pkce: null, redirectTo, deliver: false });
}

export const invite: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const body = await readJsonObject(request.req);
  const email = validateEmail(optionalString(body, "email") ?? "");
  const data = metadataField(body, "data");
  const redirectTo = redirectTarget(deps.settings, request.url.searchParams.get("redirect_to"));
  const user = await withTx(deps.pool, async (db) => {
    const existing = await findUserByEmail(db, email, true);
    if (existing?.email_confirmed_at) throw emailExists();
    const id = existing?.id ?? (await createPasswordlessUser(deps, db, email, data));
    await db.query("update auth.users set invited_at = now() where id = $1", [id]);
    await issueLink(deps, db, { userId: id, email, kind: "invite", pkce: null, redirectTo });
    return loadUserJson(db, id);
  });
  sendJson(request.res, 200, user);
};
