import { createBrowserAuth } from "@docket/ui/auth";
import { env } from "../env.ts";

export const auth = createBrowserAuth({
  supabaseUrl: env.VITE_SUPABASE_URL,
  publishableKey: env.VITE_SUPABASE_PUBLISHABLE_KEY,
  // Its own session: signing in to the dashboard must not sign anyone in or out of the user
  // app when both run on the same host.
  storageSuffix: "admin",
  // No e-mail links or OAuth come back here: staff sign in with a password.
  detectSessionInUrl: false,
});
