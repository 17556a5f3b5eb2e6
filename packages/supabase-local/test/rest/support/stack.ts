// One supabase-local stack per Data API test file, built from the fixture `supabase/` folder,
// with supabase-js clients for the secret key (service_role), the publishable key (anon) and
// users signed in through the real Auth API; `raw()` speaks HTTP to /rest/v1 directly.
import { fileURLToPath } from "node:url";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll } from "vitest";
import { type RunningStack, startTestStack } from "../../../src/testing/index.ts";

export const FIXTURE_DIR = fileURLToPath(new URL("../fixture/supabase", import.meta.url));

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RestTestKit {
  stack: RunningStack;
  admin: SupabaseClient;
  anon: SupabaseClient;
  user(email: string): Promise<{ client: SupabaseClient; id: string; token: string }>;
  /** A request to `<api>/rest/v1<path>` with the publishable key unless headers say otherwise. */
  raw(path: string, init?: RequestInit): Promise<RawResponse>;
}

const options = { auth: { persistSession: false, autoRefreshToken: false } };

export function useRestStack(): () => RestTestKit {
  let kit: RestTestKit | undefined;
  beforeAll(async () => {
    const stack = await startTestStack({ supabaseDir: FIXTURE_DIR });
    const admin = createClient(stack.apiUrl, stack.secretKey, options);
    kit = {
      stack,
      admin,
      anon: createClient(stack.apiUrl, stack.publishableKey, options),
      async user(email) {
        const password = "correct-horse-battery";
        const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
        if (created.error) throw created.error;
        const client = createClient(stack.apiUrl, stack.publishableKey, options);
        const signedIn = await client.auth.signInWithPassword({ email, password });
        if (signedIn.error) throw signedIn.error;
        return { client, id: created.data.user.id, token: signedIn.data.session.access_token };
      },
      async raw(path, init = {}) {
        const headers = new Headers(init.headers);
        if (!headers.has("apikey")) headers.set("apikey", stack.publishableKey);
        const res = await fetch(`${stack.apiUrl}/rest/v1${path}`, { ...init, headers });
        const text = await res.text();
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        return { status: res.status, headers: res.headers, text, json };
      },
    };
  }, 120_000);
  afterAll(async () => {
    await kit?.stack.stop();
  });
  return () => {
    if (!kit) throw new Error("rest test stack is not started");
    return kit;
  };
}
