// One-time e-mail tokens (spec §2.11): a numeric code for the user and its hash
// (hex SHA-224 of email + code) stored on the user row and mirrored in auth.one_time_tokens.
import { createHash, randomInt, randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { AuthError } from "./errors.ts";
import type { AuthSettings } from "./settings.ts";
import type { UserRow } from "./users-repo.ts";

export type EmailTokenKind =
  | "confirmation"
  | "recovery"
  | "email_change_new"
  | "email_change_current";

export type TokenColumn =
  | "confirmation_token"
  | "recovery_token"
  | "email_change_token_new"
  | "email_change_token_current";

const STORAGE: Record<EmailTokenKind, { column: TokenColumn; sentAt: string; type: string }> = {
  confirmation: {
    column: "confirmation_token",
    sentAt: "confirmation_sent_at",
    type: "confirmation_token",
  },
  recovery: { column: "recovery_token", sentAt: "recovery_sent_at", type: "recovery_token" },
  email_change_new: {
    column: "email_change_token_new",
    sentAt: "email_change_sent_at",
    type: "email_change_token_new",
  },
  email_change_current: {
    column: "email_change_token_current",
    sentAt: "email_change_sent_at",
    type: "email_change_token_current",
  },
};

export function tokenHash(email: string, otp: string): string {
  return createHash("sha224")
    .update(email + otp)
    .digest("hex");
}

export function generateOtp(length: number): string {
  let otp = "";
  for (let i = 0; i < length; i++) otp += String(randomInt(10));
  return otp;
}

/** GoTrue's per-user e-mail frequency limit (`[auth.email] max_frequency`). */
export function assertCanSend(sentAt: Date | null, settings: AuthSettings): void {
  if (!sentAt) return;
  const waitMs = sentAt.getTime() + settings.emailMaxFrequencyMs - Date.now();
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new AuthError(
      429,
      "over_email_send_rate_limit",
      `For security purposes, you can only request this after ${seconds} seconds.`,
    );
  }
}

export interface IssuedEmailToken {
  otp: string;
  /** What the link carries and the row stores: the hash, `pkce_`-prefixed in PKCE flows. */
  hashedToken: string;
}

export async function issueEmailToken(
  db: Db,
  user: Pick<UserRow, "id">,
  kind: EmailTokenKind,
  email: string,
  options: { pkce: boolean; settings: AuthSettings },
): Promise<IssuedEmailToken> {
  const otp = generateOtp(options.settings.otpLength);
  const hashedToken = (options.pkce ? "pkce_" : "") + tokenHash(email, otp);
  const { column, sentAt, type } = STORAGE[kind];
  await db.query(
    `update auth.users set ${column} = $2, ${sentAt} = now(), updated_at = now() where id = $1`,
    [user.id, hashedToken],
  );
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, now(), now())
     on conflict (user_id, token_type) do update
       set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
    [randomUUID(), user.id, type, hashedToken, email],
  );
  return { otp, hashedToken };
}

export async function clearEmailToken(db: Db, userId: string, kind: EmailTokenKind): Promise<void> {
  const { column, type } = STORAGE[kind];
  await db.query(`update auth.users set ${column} = '' where id = $1`, [userId]);
  await db.query("delete from auth.one_time_tokens where user_id = $1 and token_type = $2", [
    userId,
    type,
  ]);
}

export function tokenColumn(kind: EmailTokenKind): TokenColumn {
  return STORAGE[kind].column;
}

export function sentAtColumn(kind: EmailTokenKind): string {
  return STORAGE[kind].sentAt;
}
