// GET /reauthenticate sends a code to the signed-in user; PUT /user accepts it as `nonce` for a
// password change. With `secure_password_change` on, a password change without it is refused.
import type { Db } from "./db.ts";
import type { AuthDeps } from "./deps.ts";
import { assertCanSend, generateOtp, tokenHash } from "./email-tokens.ts";
import { AuthError } from "./errors.ts";
import { sendReauthenticationMail } from "./mailer.ts";
import type { UserRow } from "./users-repo.ts";

export async function sendReauthentication(deps: AuthDeps, db: Db, user: UserRow): Promise<void> {
  if (!user.email)
    throw new AuthError(
      422,
      "validation_failed",
      "Reauthentication requires the user to have an email",
    );
  assertCanSend(user.reauthentication_sent_at, deps.settings);
  const otp = generateOtp(deps.settings.otpLength);
  await db.query(
    "update auth.users set reauthentication_token = $2, reauthentication_sent_at = now(), updated_at = now() where id = $1",
    [user.id, tokenHash(user.email, otp)],
  );
  await sendReauthenticationMail(deps, user.email, otp);
}

/** Checks (and consumes) the nonce of a password change. */
export async function checkNonce(
  deps: AuthDeps,
  db: Db,
  user: UserRow,
  nonce: string | undefined,
): Promise<void> {
  if (!nonce) {
    if (deps.settings.securePasswordChange) {
      throw new AuthError(
        400,
        "reauthentication_needed",
        "Password update requires reauthentication",
      );
    }
    return;
  }
  const { rows } = await db.query<{ token: string; sent_at: Date | null }>(
    "select coalesce(reauthentication_token, '') as token, reauthentication_sent_at as sent_at from auth.users where id = $1",
    [user.id],
  );
  const row = rows[0];
  const fresh =
    row?.sent_at && row.sent_at.getTime() + deps.settings.otpExpirySeconds * 1000 >= Date.now();
  if (!row?.token || !fresh || row.token !== tokenHash(user.email, nonce)) {
    throw new AuthError(
      400,
      "reauthentication_not_valid",
      "Reauthentication failed, please try again",
    );
  }
  await db.query("update auth.users set reauthentication_token = '' where id = $1", [user.id]);
}
