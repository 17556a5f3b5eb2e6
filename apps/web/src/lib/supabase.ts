import { AuthClient } from "@supabase/auth-js";
import { env } from "../env.ts";

// Supabase Auth for the browser, with the publishable key only. This is the same client that
// supabase-js exposes as `supabase.auth`, set up the way supabase-js sets it up (headers, storage
// key), without the Data API, Storage, Realtime and Functions clients: the app reaches data only
// through the API, and the full bundle would also carry the "sb_secret_" key-format check.
// PKCE so that e-mail links and OAuth come back with a one-time code, not tokens in the URL.
const hostname = new URL(env.VITE_SUPABASE_URL).hostname;

export const auth = new AuthClient({
  url: `${env.VITE_SUPABASE_URL.replace(/\/+$/, "")}/auth/v1`,
  headers: {
    apikey: env.VITE_SUPABASE_PUBLISHABLE_KEY,
    Authorization: `Bearer ${env.VITE_SUPABASE_PUBLISHABLE_KEY}`,
  },
  storageKey: `sb-${hostname.split(".")[0]}-auth-token`,
  flowType: "pkce",
  persistSession: true,
  autoRefreshToken: true,
  detectSessionInUrl: true,
});

/** Where e-mail links and OAuth send the browser back to. */
export function callbackUrl(path = "/auth/callback"): string {
  return new URL(path, window.location.origin).toString();
}
