// Which `apikey` values the gateway lets through. Kong in the CLI stack forwards anything; the
// hosted gateway refuses a missing or unknown key with 401. We follow the hosted behaviour so
// tests catch a wrong key locally, and accept the same values it does.
import type { KeyStore } from "../keys/key-store.ts";

export type ApiKeyCheck = { ok: true } | { ok: false; status: 401; body: object };

export const NO_API_KEY = {
  message: "No API key found in request",
  hint: "No `apikey` request header or url param was found.",
};

export const INVALID_API_KEY = {
  message: "Invalid API key",
  hint: "Double check your Supabase `anon` or `service_role` API key.",
};

export async function checkApiKey(
  apikey: string | undefined,
  keys: KeyStore,
): Promise<ApiKeyCheck> {
  if (!apikey) return { ok: false, status: 401, body: NO_API_KEY };
  if (
    apikey === keys.publishableKey ||
    apikey === keys.secretKey ||
    apikey === keys.anonKey ||
    apikey === keys.serviceRoleKey
  ) {
    return { ok: true };
  }
  // Other legacy API keys: any anon/service_role JWT signed with the project's keys.
  if (apikey.startsWith("ey")) {
    try {
      const claims = await keys.verify(apikey);
      if (claims.role === "anon" || claims.role === "service_role") return { ok: true };
    } catch {
      // falls through to "invalid"
    }
  }
  return { ok: false, status: 401, body: INVALID_API_KEY };
}
