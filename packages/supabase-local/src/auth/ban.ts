// `ban_duration` of the admin API: a Go duration from now, or "none" to lift the ban.
import { parseGoDuration } from "./duration.ts";
import { AuthError } from "./errors.ts";

/** The new `banned_until`: a Date, or null to unban. */
export function bannedUntil(banDuration: string): Date | null {
  if (banDuration === "none") return null;
  const ms = parseGoDuration(banDuration);
  if (ms === null) {
    throw new AuthError(
      400,
      "validation_failed",
      `invalid format for ban duration: time: invalid duration "${banDuration}"`,
    );
  }
  return new Date(Date.now() + ms);
}
