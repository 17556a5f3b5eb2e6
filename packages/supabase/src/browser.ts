// The client the React apps use: it keeps the session in localStorage and refreshes it, so
// the access token it holds is always current when the tRPC link asks for it.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "./database.gen.ts";

export type BrowserClient = SupabaseClient<Database>;

export function createBrowserClient(url: string, publishableKey: string): BrowserClient {
  return createClient<Database>(url, publishableKey, {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  });
}
