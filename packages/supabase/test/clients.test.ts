import { createClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createSecretClient, createUserClient } from "../src/index.ts";

const stack = inject("stack");

async function signIn(email: string, password: string): Promise<{ token: string; userId: string }> {
  const auth = createClient(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { data, error } = await auth.auth.signInWithPassword({ email, password });
  if (error || !data.session) throw error ?? new Error("no session");
  return { token: data.session.access_token, userId: data.session.user.id };
}

describe("createUserClient", () => {
  let demo: { token: string; userId: string };
  beforeAll(async () => {
    demo = await signIn("demo@docket.local", "demo-password-1");
  });

  it("forwards the user's token so RLS shows only their own rows", async () => {
    const client = createUserClient({
      url: stack.apiUrl,
      publishableKey: stack.publishableKey,
      accessToken: demo.token,
    });
    const { data, error } = await client.from("profiles").select("id, email, display_name");
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: demo.userId, email: "demo@docket.local", display_name: "Demo User" },
    ]);
  });

  it("cannot read the admin roles table", async () => {
    const client = createUserClient({
      url: stack.apiUrl,
      publishableKey: stack.publishableKey,
      accessToken: demo.token,
    });
    const { data, error } = await client.from("user_roles").select("*");
    expect(data).toBeNull();
    expect(error?.code).toBe("42501");
  });

  it("is refused when the token is not a valid JWT", async () => {
    const client = createUserClient({
      url: stack.apiUrl,
      publishableKey: stack.publishableKey,
      accessToken: `${demo.token}x`,
    });
    const { error } = await client.from("profiles").select("id");
    expect(error).not.toBeNull();
  });
});

describe("createSecretClient", () => {
  it("bypasses RLS: sees every seeded profile and the admin role", async () => {
    const client = createSecretClient({ url: stack.apiUrl, secretKey: stack.secretKey });
    const profiles = await client.from("profiles").select("email").order("email");
    expect(profiles.data?.map((row) => row.email)).toEqual(
      expect.arrayContaining(["admin@docket.local", "demo@docket.local"]),
    );
    const roles = await client.from("user_roles").select("role, user_id");
    expect(roles.error).toBeNull();
    expect(roles.data?.map((row) => row.role)).toContain("admin");
  });

  it("can use the Auth admin API", async () => {
    const client = createSecretClient({ url: stack.apiUrl, secretKey: stack.secretKey });
    const { data, error } = await client.auth.admin.listUsers({ page: 1, perPage: 50 });
    expect(error).toBeNull();
    expect(data.users.map((user) => user.email)).toContain("admin@docket.local");
  });
});
