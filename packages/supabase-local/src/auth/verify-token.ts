// Finding and consuming the one-time token behind POST/GET /verify (spec §2.11).
import type { Db } from "./db.ts";
import type { EmailTokenKind } from "./email-tokens.ts";
import { clearEmailToken, sentAtColumn, tokenColumn, tokenHash } from "./email-tokens.ts";
import { AuthError } from "./errors.ts";
import { confirmEmail } from "./new-user.ts";
import type { AuthSettings } from "./settings.ts";
import type { UserRow } from "./users-repo.ts";
import { findUserByEmail, findUserById, findUserByToken } from "./users-repo.ts";

export const VERIFY_TYPES = [
  "signup",
  "invite",
  "magiclink",
  "recovery",
  "email_change",
  "email",
] as const;
export type VerifyType = (typeof VERIFY_TYPES)[number];

const KINDS: Record<VerifyType, EmailTokenKind[]> = {
  signup: ["confirmation"],
  invite: ["confirmation"],
  magiclink: ["recovery"],
  recovery: ["recovery"],
  email_change: ["email_change_new", "email_change_current"],
  email: ["confirmation", "recovery"],
};

export interface FoundToken {
  user: UserRow;
  kind: EmailTokenKind;
  /** The stored value: `pkce_` marks a flow that ends with a code exchange. */
  stored: string;
}

function storedValue(user: UserRow, kind: EmailTokenKind): string {
  return user[tokenColumn(kind)] ?? "";
}

function notExpired(user: UserRow, kind: EmailTokenKind, settings: AuthSettings): boolean {
  const sentAt = user[sentAtColumn(kind) as keyof UserRow];
  return (
    sentAt instanceof Date && sentAt.getTime() + settings.otpExpirySeconds * 1000 >= Date.now()
  );
}

export async function findToken(
  db: Db,
  type: VerifyType,
  by: { tokenHash: string } | { email: string; otp: string },
  settings: AuthSettings,
): Promise<FoundToken> {
  for (const kind of KINDS[type]) {
    let user: UserRow | null;
    let matches: (stored: string) => boolean;
    if ("tokenHash" in by) {
      user = by.tokenHash ? await findUserByToken(db, tokenColumn(kind), by.tokenHash) : null;
      matches = (stored) => stored === by.tokenHash;
    } else {
      const hash = tokenHash(by.email, by.otp);
      user = kind.startsWith("email_change")
        ? await findUserForEmailChange(db, by.email)
        : await findUserByEmail(db, by.email, true);
      matches = (stored) => stored === hash || stored === `pkce_${hash}`;
    }
    if (!user) continue;
    const stored = storedValue(user, kind);
    if (stored && matches(stored) && notExpired(user, kind, settings))
      return { user, kind, stored };
  }
  const message =
    "tokenHash" in by ? "Email link is invalid or has expired" : "Token has expired or is invalid";
  throw new AuthError(403, "otp_expired", message);
}

async function findUserForEmailChange(db: Db, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<{ id: string }>(
    "select id from auth.users where lower(email) = lower($1) or lower(email_change) = lower($1) limit 1",
    [email],
  );
  return rows[0] ? findUserById(db, rows[0].id, true) : null;
}

/** Applies a verified token. Returns false when an e-mail change still awaits its other half. */
export async function consumeToken(
  db: Db,
  found: FoundToken,
  settings: AuthSettings,
): Promise<boolean> {
  const { user, kind } = found;
  await clearEmailToken(db, user.id, kind);
  if (kind === "confirmation" || kind === "recovery") {
    await confirmEmail(db, user.id);
    return true;
  }
  const otherKind = kind === "email_change_new" ? "email_change_current" : "email_change_new";
  const otherPending = storedValue(user, otherKind) !== "";
  if (settings.doubleConfirmChanges && user.email_change_confirm_status === 0 && otherPending) {
    await db.query("update auth.users set email_change_confirm_status = 1 where id = $1", [
      user.id,
    ]);
    return false;
  }
  await clearEmailToken(db, user.id, otherKind);
  await db.query(
    `update auth.users set email = email_change, email_change = '', email_change_confirm_status = 0,
       email_change_sent_at = null, email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
     where id = $1`,
    [user.id],
  );
  await db.query(
    `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
     where user_id = $1 and provider = 'email'`,
    [user.id, user.email_change],
  );
  return true;
}
