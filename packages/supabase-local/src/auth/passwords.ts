// bcrypt with cost 10 (GoTrue's default) and the password policy of [auth] in config.toml.

import { randomBytes } from "node:crypto";
import bcrypt from "bcrypt";
import { AuthError } from "./errors.ts";
import type { AuthSettings } from "./settings.ts";

export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith("$2")) return false;
  return bcrypt.compare(password, hash).catch(() => false);
}

/** Users created without a password (OTP, OAuth, admin) still get an unguessable one. */
export function randomPassword(): string {
  return randomBytes(32).toString("base64url");
}

const CLASSES: Record<string, string[]> = {
  "": [],
  letters_digits: ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"],
  lower_upper_letters_digits: [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
  ],
  lower_upper_letters_digits_symbols: [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789",
    "!@#$%^&*()_+-=[]{};'\\:\"|<>?,./`~",
  ],
};

/** Reasons a password breaks the policy, and GoTrue's message for them; null when it passes. */
export function passwordWeakness(
  password: string,
  settings: AuthSettings,
): { message: string; reasons: string[] } | null {
  const reasons: string[] = [];
  const messages: string[] = [];
  if ([...password].length < settings.minPasswordLength) {
    reasons.push("length");
    messages.push(`Password should be at least ${settings.minPasswordLength} characters.`);
  }
  const classes = CLASSES[settings.passwordRequirements] ?? [];
  const missing = classes.some((set) => ![...password].some((ch) => set.includes(ch)));
  if (missing) {
    reasons.push("characters");
    messages.push(`Password should contain at least one character of each: ${classes.join(", ")}.`);
  }
  return reasons.length ? { message: messages.join(" "), reasons } : null;
}

/** Rejects passwords GoTrue rejects: empty, over bcrypt's 72 bytes, or against the policy. */
export function assertAcceptablePassword(
  password: string,
  settings: AuthSettings,
  emptyMessage: string,
): void {
  if (password === "") throw new AuthError(400, "validation_failed", emptyMessage);
  if (Buffer.byteLength(password, "utf8") > 72) {
    throw new AuthError(400, "validation_failed", "Password cannot be longer than 72 characters");
  }
  const weakness = passwordWeakness(password, settings);
  if (weakness) {
    throw new AuthError(422, "weak_password", weakness.message, {
      weak_password: { reasons: weakness.reasons },
    });
  }
}
