// Workflow 1's last step: supabase-js refreshes the session by itself. With a 30 s token lifetime
// every session is inside auth-js's 90 s refresh margin, so getSession() must rotate it.
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestStack, startAuthStack, uniqueEmail } from "./support/stack.ts";

let t: AuthTestStack;
beforeAll(async () => {
  t = await startAuthStack(`
[auth]
jwt_expiry = 30

[auth.email]
enable_confirmations = false
`);
});
afterAll(async () => {
  await t?.stop();
});

describe("automatic refresh by supabase-js", () => {
  it("getSession() refreshes a session close to expiry and emits TOKEN_REFRESHED", async () => {
    const items = new Map<string, string>();
    const client = createClient(t.stack.apiUrl, t.stack.publishableKey, {
      auth: {
        autoRefreshToken: false,
        detectSessionInUrl: false,
        storage: {
          getItem: (key) => items.get(key) ?? null,
          setItem: (key, value) => void items.set(key, value),
          removeItem: (key) => void items.delete(key),
        },
      },
    });
    const { data: signedIn, error } = await client.auth.signUp({
      email: uniqueEmail("auto"),
      password: "secret1",
    });
    expect(error).toBeNull();
    expect(signedIn.session?.expires_in).toBeLessThanOrEqual(30);
    const events: string[] = [];
    const { data: listener } = client.auth.onAuthStateChange((event) => {
      events.push(event);
    });

    const { data } = await client.auth.getSession();
    expect(data.session?.refresh_token).not.toBe(signedIn.session?.refresh_token);
    expect(data.session?.access_token).not.toBe(signedIn.session?.access_token);
    expect(events).toContain("TOKEN_REFRESHED");
    // The stored session is the new one, and it works against the server.
    expect(JSON.parse(items.get("sb-127-auth-token") ?? "{}").refresh_token).toBe(
      data.session?.refresh_token,
    );
    expect((await client.auth.getUser()).error).toBeNull();
    listener.subscription.unsubscribe();
  });
});
