import { createBrowserAuth } from "@docket/ui/auth";
import { env } from "../env.ts";

// E-mail links and OAuth come back to this app with a one-time code in the URL.
export const auth = createBrowserAuth({
  supabaseUrl: env.VITE_SUPABASE_URL,
  publishableKey: env.VITE_SUPABASE_PUBLISHABLE_KEY,
  detectSessionInUrl: true,
});

/** Where e-mail links and OAuth send the browser back to. */
export function callbackUrl(path = "/auth/callback"): string {
  return new URL(path, window.location.origin).toString();
}
