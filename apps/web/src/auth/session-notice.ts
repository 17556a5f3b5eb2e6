// A message to show on the sign-in screen after the app signed the user out by itself (e.g. the
// refresh token was revoked). Kept in sessionStorage so it survives the redirect but not the tab.

const KEY = "docket.signed-out-reason";

export function setSignedOutReason(reason: string): void {
  sessionStorage.setItem(KEY, reason);
}

/** Returns the reason once and forgets it. */
export function takeSignedOutReason(): string | null {
  const reason = sessionStorage.getItem(KEY);
  if (reason !== null) sessionStorage.removeItem(KEY);
  return reason;
}
