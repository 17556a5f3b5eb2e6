// The secret-key client is stateless (no session), so one per deps object serves every
// request; user clients are per request and built lazily by the authed middleware.
import { createSecretClient, type TypedSupabaseClient } from "@docket/supabase";
import type { ApiDeps } from "./trpc.ts";

const secretClients = new WeakMap<ApiDeps, TypedSupabaseClient>();

export function secretClientFor(deps: ApiDeps): TypedSupabaseClient {
  let client = secretClients.get(deps);
  if (!client) {
    client = createSecretClient({ url: deps.supabaseUrl, secretKey: deps.secretKey });
    secretClients.set(deps, client);
  }
  return client;
}
