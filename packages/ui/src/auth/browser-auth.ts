import { AuthClient, type GoTrueClient } from "@supabase/auth-js";

export interface BrowserAuthOptions {
  supabaseUrl: string;
  publishableKey: string;
  /** Added to supabase-js's storage key, so two apps on one host keep separate sessions. */
  storageSuffix?: string;
  /** Only an app that receives e-mail links and OAuth redirects reads the session from the URL. */
  detectSessionInUrl: boolean;
}

/**
 * Supabase Auth for the browser, with the publishable key only. This is the client supabase-js
 * exposes as `supabase.auth`, set up the way supabase-js sets it up (headers, storage key),
 * without the Data API, Storage, Realtime and Functions clients: the apps reach data only through
 * the API, and the full bundle would also carry the "sb_secret_" key-format check. PKCE, so that
 * e-mail links and OAuth come back with a one-time code, not tokens in the URL.
 */
export function createBrowserAuth(options: BrowserAuthOptions): GoTrueClient {
  const { supabaseUrl, publishableKey } = options;
  const project = new URL(supabaseUrl).hostname.split(".")[0];
  return new AuthClient({
    url: `${supabaseUrl.replace(/\/+$/, "")}/auth/v1`,
    headers: { apikey: publishableKey, Authorization: `Bearer ${publishableKey}` },
    storageKey: `sb-${project}-${options.storageSuffix ? `${options.storageSuffix}-` : ""}auth-token`,
    flowType: "pkce",
    persistSession: true,
    autoRefreshToken: true,
    detectSessionInUrl: options.detectSessionInUrl,
  });
}
