import type { GoTrueClient } from "@supabase/auth-js";
import type { TokenSource } from "../api/authed-fetch.ts";

/**
 * The access token of the signed-in session for API calls. When the session cannot be renewed,
 * this tab is signed out (`onSignedOut` first, e.g. to say why) and the app shows its sign-in.
 */
export function sessionTokens(auth: GoTrueClient, onSignedOut?: () => void): TokenSource {
  return {
    async current() {
      const { data } = await auth.getSession();
      return data.session?.access_token ?? null;
    },
    async refresh() {
      const { data, error } = await auth.refreshSession();
      return error ? null : (data.session?.access_token ?? null);
    },
    async onRefreshFailed() {
      onSignedOut?.();
      await auth.signOut({ scope: "local" });
    },
  };
}
