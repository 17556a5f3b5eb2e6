// Set when any API call answers 403: the server no longer treats this person as an admin (it
// checks user_roles on every request), so the dashboard switches to the "not authorized"
// screen at once instead of showing errors on every panel.
import { useSyncExternalStore } from "react";

let forbidden = false;
const listeners = new Set<() => void>();

export function markForbidden(): void {
  if (forbidden) return;
  forbidden = true;
  for (const listener of listeners) listener();
}

export function resetForbidden(): void {
  forbidden = false;
  for (const listener of listeners) listener();
}

export function useForbidden(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => forbidden,
  );
}
