import type { AuthError } from "@supabase/auth-js";

// Supabase Auth's error codes, in words a person can act on. Unknown codes fall back to the
// server's own message, which is already readable.
const messages: Record<string, string> = {
  invalid_credentials: "That e-mail and password do not match an account.",
  email_not_confirmed: "Confirm your e-mail address first: open the link we sent you.",
  user_already_exists: "An account with this e-mail already exists. Sign in instead.",
  email_exists: "An account with this e-mail already exists. Sign in instead.",
  weak_password: "Choose a longer password (at least 8 characters).",
  over_email_send_rate_limit: "We just sent you an e-mail. Wait a moment before asking again.",
  over_request_rate_limit: "Too many attempts. Wait a moment and try again.",
  otp_expired: "This link has expired or was already used. Ask for a new one.",
  otp_disabled: "There is no account with this e-mail. Sign up first.",
  user_banned: "This account is suspended.",
  signup_disabled: "New sign-ups are closed.",
  validation_failed: "Check the e-mail address and try again.",
};

export function describeAuthError(error: Pick<AuthError, "code" | "message">): string {
  return (error.code && messages[error.code]) || error.message || "Something went wrong.";
}
