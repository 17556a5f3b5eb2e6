// E-mail change via PUT /user: confirmation mails to the new (and, with double_confirm_changes,
// the current) address; applied by /verify type=email_change. Anonymous users with autoconfirm
// get the address at once, which turns them into e-mail users.
import type { Db } from "./db.ts";
import type { AuthDeps } from "./deps.ts";
import { assertCanSend, issueEmailToken } from "./email-tokens.ts";
import { AuthError } from "./errors.ts";
import { createFlowState } from "./flow-state.ts";
import { sendAuthMail } from "./mailer.ts";
import type { UserRow } from "./users-repo.ts";
import { findUserByEmail, insertIdentity } from "./users-repo.ts";
import type { PkceParams } from "./validate.ts";

export async function changeEmail(
  deps: AuthDeps,
  db: Db,
  user: UserRow,
  email: string,
  options: { pkce: PkceParams | null; redirectTo: string },
): Promise<void> {
  const other = await findUserByEmail(db, email);
  if (other && other.id !== user.id) {
    throw new AuthError(
      422,
      "email_exists",
      "A user with this email address has already been registered",
    );
  }
  if (user.is_anonymous && deps.settings.autoconfirm) {
    await db.query(
      `update auth.users set email = $2, email_confirmed_at = now(), is_anonymous = false,
         raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || '{"provider":"email","providers":["email"]}'::jsonb,
         updated_at = now() where id = $1`,
      [user.id, email],
    );
    const data = { sub: user.id, email, email_verified: true, phone_verified: false };
    await insertIdentity(db, { providerId: user.id, userId: user.id, provider: "email", data });
    return;
  }
  assertCanSend(user.email_change_sent_at, deps.settings);
  await db.query(
    "update auth.users set email_change = $2, email_change_confirm_status = 0, updated_at = now() where id = $1",
    [user.id, email],
  );
  const pkce = !!options.pkce;
  if (options.pkce) {
    await createFlowState(db, {
      userId: user.id,
      pkce: options.pkce,
      providerType: "email",
      method: "email_change",
    });
  }
  const toNew = await issueEmailToken(db, user, "email_change_new", email, {
    pkce,
    settings: deps.settings,
  });
  await sendAuthMail(deps, {
    to: email,
    kind: "email_change",
    redirectTo: options.redirectTo,
    ...toNew,
  });
  if (deps.settings.doubleConfirmChanges && user.email) {
    const toCurrent = await issueEmailToken(db, user, "email_change_current", user.email, {
      pkce,
      settings: deps.settings,
    });
    await sendAuthMail(deps, {
      to: user.email,
      kind: "email_change",
      redirectTo: options.redirectTo,
      ...toCurrent,
    });
  }
}
