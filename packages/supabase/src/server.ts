// Clients for server code. Never import this module from browser code: the secret key client
// bypasses Row Level Security.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "./database.gen.ts";

export type TypedSupabaseClient = SupabaseClient<Database>;

const serverAuth = {
  persistSession: false,
  autoRefreshToken: false,
  detectSessionInUrl: false,
} as const;

export interface UserClientOptions {
  url: string;
  publishableKey: string;
  /** The user's verified access token; every Data API and Storage call carries it, so RLS decides. */
  accessToken: string;
}

/**
 * A client acting as one user. It forwards the given token and keeps no session: the server
 * never refreshes or stores a user's tokens, it only passes on the one it was sent.
 */
export function createUserClient(options: UserClientOptions): TypedSupabaseClient {
  const { accessToken } = options;
  return createClient<Database>(options.url, options.publishableKey, {
    accessToken: async () => accessToken,
    auth: serverAuth,
  });
}

export interface SecretClientOptions {
  url: string;
  secretKey: string;
}

/** A client with the secret key: bypasses RLS and may call the Auth admin API. Server only. */
export function createSecretClient(options: SecretClientOptions): TypedSupabaseClient {
  return createClient<Database>(options.url, options.secretKey, { auth: serverAuth });
}
