import { AuthClient } from "@supabase/auth-js";
import { env } from "../env.ts";

// Supabase Auth with the publishable key only: the same client supabase-js exposes as
// `supabase.auth`, without the Data API and Storage clients. The dashboard reaches data only
// through the API, where the server decides who is an admin.
const hostname = new URL(env.VITE_SUPABASE_URL).hostname;

export const auth = new AuthClient({
  url: `${env.VITE_SUPABASE_URL.replace(/\/+$/, "")}/auth/v1`,
  headers: {
    apikey: env.VITE_SUPABASE_PUBLISHABLE_KEY,
    Authorization: `Bearer ${env.VITE_SUPABASE_PUBLISHABLE_KEY}`,
  },
  // Its own key: signing in to the dashboard must not sign anyone in or out of the user app
  // when both run on the same host.
  storageKey: `sb-${hostname.split(".")[0]}-admin-auth-token`,
  flowType: "pkce",
  persistSession: true,
  autoRefreshToken: true,
  detectSessionInUrl: false,
});

export async function currentAccessToken(): Promise<string | null> {
  const { data } = await auth.getSession();
  return data.session?.access_token ?? null;
}
