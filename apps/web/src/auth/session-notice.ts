// A message for the sign-in screen after the app signed the user out by itself (e.g. the refresh
// token was revoked). Kept in sessionStorage so it survives a reload but not the tab, and
// observable because Auth may announce the sign-out before the reason is written.
import { useSyncExternalStore } from "react";

const KEY = "docket.signed-out-reason";
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function setSignedOutReason(reason: string): void {
  sessionStorage.setItem(KEY, reason);
  notify();
}

export function clearSignedOutReason(): void {
  sessionStorage.removeItem(KEY);
  notify();
}

export function useSignedOutReason(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => sessionStorage.getItem(KEY),
  );
}
