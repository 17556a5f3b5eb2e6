// Sign-up and password sign-in through the real supabase-js, autoconfirm on (CLI default).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTOCONFIRM_CONFIG,
  type AuthTestStack,
  sql,
  startAuthStack,
  uniqueEmail,
} from "./support/stack.ts";

let t: AuthTestStack;
beforeAll(async () => {
  t = await startAuthStack(AUTOCONFIRM_CONFIG);
});
afterAll(async () => {
  await t?.stop();
});

describe("signUp with autoconfirm", () => {
  it("creates a confirmed user and returns a session whose JWT carries the spec claims", async () => {
    const email = uniqueEmail("Signup").toUpperCase();
    const client = t.anon();
    const { data, error } = await client.auth.signUp({
      email,
      password: "correct horse",
      options: { data: { full_name: "Ada Lovelace" } },
    });
    expect(error).toBeNull();
    const session = data.session;
    expect(session).not.toBeNull();
    expect(session?.token_type).toBe("bearer");
    expect(session?.expires_in).toBeGreaterThan(3500);
    expect(session?.refresh_token).toMatch(/^[a-z2-7]{12}$/);
    const user = data.user;
    expect(user?.email).toBe(email.toLowerCase());
    expect(user?.app_metadata).toEqual({ provider: "email", providers: ["email"] });
    expect(user?.user_metadata).toMatchObject({
      full_name: "Ada Lovelace",
      email: email.toLowerCase(),
      email_verified: true,
      sub: user?.id,
    });
    expect(user?.identities).toHaveLength(1);
    expect(user?.identities?.[0]?.provider).toBe("email");

    const [header, payload] = (session?.access_token ?? "")
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")));
    expect(header).toMatchObject({ alg: "ES256", typ: "JWT" });
    expect(typeof header.kid).toBe("string");
    expect(Object.keys(payload)).toEqual([
      "iss",
      "sub",
      "aud",
      "exp",
      "iat",
      "email",
      "phone",
      "app_metadata",
      "user_metadata",
      "role",
      "aal",
      "amr",
      "session_id",
      "is_anonymous",
    ]);
    expect(payload).toMatchObject({
      iss: `${t.stack.apiUrl}/auth/v1`,
      sub: user?.id,
      aud: "authenticated",
      role: "authenticated",
      aal: "aal1",
      is_anonymous: false,
      phone: "",
    });
    expect(payload.exp - payload.iat).toBe(3600);
    expect(payload.amr[0].method).toBe("password");
  });

  it("lets the app trigger see raw_user_meta_data exactly as sent", async () => {
    const email = uniqueEmail("trigger");
    const { data } = await t
      .anon()
      .auth.signUp({ email, password: "secret1", options: { data: { full_name: "Grace" } } });
    const rows = await sql(
      t.stack,
      "select full_name, signup_email from public.profiles where id = $1",
      [data.user?.id],
    );
    // The trigger ran before the identity data was merged in: no `email` key yet.
    expect(rows).toEqual([{ full_name: "Grace", signup_email: null }]);
  });

  it("leaves no user row behind when a trigger fails", async () => {
    const email = uniqueEmail("rejected");
    const { data, error } = await t
      .anon()
      .auth.signUp({ email, password: "secret1", options: { data: { full_name: "reject me" } } });
    expect(data.user).toBeNull();
    expect(error?.status).toBe(500);
    expect(error?.message).toBe("Database error saving new user");
    expect(await sql(t.stack, "select id from auth.users where email = $1", [email])).toEqual([]);
  });

  it("rejects a second signup of a confirmed e-mail with user_already_exists", async () => {
    const email = uniqueEmail("dup");
    await t.anon().auth.signUp({ email, password: "secret1" });
    const { error } = await t.anon().auth.signUp({ email, password: "secret2" });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("user_already_exists");
  });

  it("of two simultaneous sign-ups for one address exactly one wins", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      [1, 2, 3].map(() => t.anon().auth.signUp({ email, password: "secret1" })),
    );
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    for (const lost of results.filter((r) => r.error !== null)) {
      expect(lost.error?.code).toBe("user_already_exists");
    }
    expect(
      await sql(t.stack, "select count(*)::int as n from auth.users where email = $1", [email]),
    ).toEqual([{ n: 1 }]);
  });

  it("answers weak and invalid input with GoTrue's codes", async () => {
    const weak = await t.anon().auth.signUp({ email: uniqueEmail("weak"), password: "abc" });
    expect(weak.error?.status).toBe(422);
    expect(weak.error?.code).toBe("weak_password");
    expect((weak.error as { reasons?: string[] }).reasons).toEqual(["length"]);
    const badEmail = await t.anon().auth.signUp({ email: "not-an-email", password: "secret1" });
    expect(badEmail.error?.status).toBe(400);
    expect(badEmail.error?.code).toBe("validation_failed");
    const noPassword = await t.anon().auth.signUp({ email: uniqueEmail("nopw"), password: "" });
    expect(noPassword.error?.code).toBe("validation_failed");
  });
});

describe("signInWithPassword", () => {
  it("signs in, updates last_sign_in_at and records a session", async () => {
    const email = uniqueEmail("signin");
    await t.anon().auth.signUp({ email, password: "secret1" });
    const client = t.anon();
    const { data, error } = await client.auth.signInWithPassword({ email, password: "secret1" });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    const sessions = await sql(t.stack, "select id from auth.sessions where user_id = $1", [
      data.user?.id,
    ]);
    expect(sessions).toHaveLength(2);
    const { data: got, error: getError } = await client.auth.getUser();
    expect(getError).toBeNull();
    expect(got.user?.id).toBe(data.user?.id);
  });

  it("rejects wrong passwords and unknown users alike with invalid_credentials", async () => {
    const email = uniqueEmail("wrong");
    await t.anon().auth.signUp({ email, password: "secret1" });
    for (const attempt of [
      { email, password: "nope-nope" },
      { email: uniqueEmail("ghost"), password: "secret1" },
    ]) {
      const { error } = await t.anon().auth.signInWithPassword(attempt);
      expect(error?.status).toBe(400);
      expect(error?.code).toBe("invalid_credentials");
      expect(error?.message).toBe("Invalid login credentials");
    }
  });
});
