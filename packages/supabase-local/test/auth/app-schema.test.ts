// Auth against the repo's own supabase/ folder (the shared test stack): the seeded users sign in
// with their pgcrypto bcrypt hashes, and sign-ups fire the app's triggers on auth.users.
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { uniqueEmail } from "./support/stack.ts";

const stack = inject("stack");
const db = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
afterAll(() => db.end());

const client = () =>
  createClient(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });

describe("auth with the app's migrations and seed", () => {
  it("the seeded demo user signs in with the password from seed.sql", async () => {
    const { data, error } = await client().auth.signInWithPassword({
      email: "demo@docket.local",
      password: "demo-password-1",
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe("5eed0000-de30-4000-8000-000000000001");
    expect(data.user?.identities?.[0]?.provider).toBe("email");
  });

  it("a sign-up creates the profile through the app's trigger, running as supabase_auth_admin", async () => {
    const email = uniqueEmail("app");
    const { data, error } = await client().auth.signUp({
      email,
      password: "long-enough-1",
      options: { data: { display_name: "App Person" } },
    });
    expect(error).toBeNull();
    // config.toml turns e-mail confirmations on: a bare user, no session yet.
    expect(data.session).toBeNull();
    const { rows } = await db.query(
      "select email, display_name from public.profiles where id = $1",
      [data.user?.id],
    );
    expect(rows).toEqual([{ email, display_name: "App Person" }]);
  });

  it("enforces the app's minimum password length from config.toml", async () => {
    const { error } = await client().auth.signUp({
      email: uniqueEmail("short"),
      password: "seven77",
    });
    expect(error?.code).toBe("weak_password");
    expect(error?.message).toBe("Password should be at least 8 characters.");
  });
});
