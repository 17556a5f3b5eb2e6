// One supabase-local stack per storage test file, built from the fixture `supabase/` folder
// (its migration holds the owner-folder policies), plus supabase-js clients for an admin
// (secret key), anon (publishable key) and signed-in users created through the real Auth API.
import { fileURLToPath } from "node:url";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll } from "vitest";
import { type RunningStack, startTestStack } from "../../../src/testing/index.ts";

export const FIXTURE_DIR = fileURLToPath(new URL("../fixture/supabase", import.meta.url));

export interface StorageTestKit {
  stack: RunningStack;
  admin: SupabaseClient;
  anon: SupabaseClient;
  /** Creates a confirmed user and returns a client signed in as them, with their id. */
  user(email: string): Promise<{ client: SupabaseClient; id: string }>;
  /** `<api>/storage/v1`. */
  storageUrl: string;
}

const options = { auth: { persistSession: false, autoRefreshToken: false } };

export function useStorageStack(): () => StorageTestKit {
  let kit: StorageTestKit | undefined;
  beforeAll(async () => {
    const stack = await startTestStack({ supabaseDir: FIXTURE_DIR });
    const admin = createClient(stack.apiUrl, stack.secretKey, options);
    kit = {
      stack,
      admin,
      anon: createClient(stack.apiUrl, stack.publishableKey, options),
      storageUrl: `${stack.apiUrl}/storage/v1`,
      async user(email) {
        const password = "correct-horse-battery";
        const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
        if (created.error) throw created.error;
        const client = createClient(stack.apiUrl, stack.publishableKey, options);
        const signedIn = await client.auth.signInWithPassword({ email, password });
        if (signedIn.error) throw signedIn.error;
        return { client, id: created.data.user.id };
      },
    };
  }, 120_000);
  afterAll(async () => {
    await kit?.stack.stop();
  });
  return () => {
    if (!kit) throw new Error("storage test stack is not started");
    return kit;
  };
}
