// The admin API through supabase-js `auth.admin`: create/get/update/delete, bans, pagination.
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

describe("auth.admin users", () => {
  it("creates a user with email_confirm and metadata who can then sign in", async () => {
    const email = uniqueEmail("admin-create");
    const { data, error } = await t.admin().auth.admin.createUser({
      email,
      password: "secret1",
      email_confirm: true,
      user_metadata: { full_name: "Created" },
      app_metadata: { plan: "pro" },
    });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.app_metadata).toEqual({
      provider: "email",
      providers: ["email"],
      plan: "pro",
    });
    expect(data.user?.user_metadata).toEqual({ full_name: "Created", email_verified: true });
    const signIn = await t.anon().auth.signInWithPassword({ email, password: "secret1" });
    expect(signIn.error).toBeNull();
    expect(signIn.data.session?.user.app_metadata.plan).toBe("pro");
  });

  it("without email_confirm the user cannot sign in yet", async () => {
    const email = uniqueEmail("unconfirmed");
    await t.admin().auth.admin.createUser({ email, password: "secret1" });
    const { error } = await t.anon().auth.signInWithPassword({ email, password: "secret1" });
    expect(error?.code).toBe("email_not_confirmed");
  });

  it("refuses duplicates and non-admin callers", async () => {
    const email = uniqueEmail("dupe");
    await t.admin().auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const dup = await t.admin().auth.admin.createUser({ email, password: "secret1" });
    expect(dup.error?.status).toBe(422);
    expect(dup.error?.code).toBe("email_exists");
    const anonAdmin = await t.anon().auth.admin.listUsers();
    expect(anonAdmin.error?.status).toBe(403);
    expect(anonAdmin.error?.code).toBe("not_admin");
  });

  it("merges metadata on update, null deletes a key, and role becomes the JWT role", async () => {
    const email = uniqueEmail("update");
    const { data } = await t.admin().auth.admin.createUser({
      email,
      password: "secret1",
      email_confirm: true,
      user_metadata: { a: 1, b: 2 },
    });
    const id = data.user?.id ?? "";
    const updated = await t.admin().auth.admin.updateUserById(id, {
      user_metadata: { b: null, c: 3 },
      app_metadata: { roles: ["admin"] },
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ a: 1, c: 3, email_verified: true });
    expect(updated.data.user?.app_metadata.roles).toEqual(["admin"]);
    expect(updated.data.user?.app_metadata.provider).toBe("email");
  });

  it("a password change by the admin signs the user out everywhere", async () => {
    const email = uniqueEmail("adminpw");
    const { data } = await t
      .admin()
      .auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const client = t.anon();
    await client.auth.signInWithPassword({ email, password: "secret1" });
    await t.admin().auth.admin.updateUserById(data.user?.id ?? "", { password: "secret2" });
    expect((await client.auth.refreshSession()).error?.code).toBe("refresh_token_not_found");
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "secret2" })).error,
    ).toBeNull();
  });

  it("bans: sign-in, refresh and user routes are refused until 'none' lifts it", async () => {
    const email = uniqueEmail("ban");
    const { data } = await t
      .admin()
      .auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const id = data.user?.id ?? "";
    const client = t.anon();
    const { data: signedIn } = await client.auth.signInWithPassword({ email, password: "secret1" });
    const banned = await t.admin().auth.admin.updateUserById(id, { ban_duration: "24h" });
    expect(banned.error).toBeNull();
    expect(new Date(banned.data.user?.banned_until ?? 0).getTime()).toBeGreaterThan(
      Date.now() + 23 * 3600_000,
    );

    const signIn = await t.anon().auth.signInWithPassword({ email, password: "secret1" });
    expect(signIn.error?.status).toBe(400);
    expect(signIn.error?.code).toBe("user_banned");
    expect((await client.auth.refreshSession()).error?.code).toBe("user_banned");
    const getUser = await t.anon().auth.getUser(signedIn.session?.access_token);
    expect(getUser.error?.status).toBe(403);
    expect(getUser.error?.code).toBe("user_banned");

    const invalid = await t.admin().auth.admin.updateUserById(id, { ban_duration: "forever" });
    expect(invalid.error?.status).toBe(400);
    expect(invalid.error?.code).toBe("validation_failed");

    await t.admin().auth.admin.updateUserById(id, { ban_duration: "none" });
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "secret1" })).error,
    ).toBeNull();
  });

  it("gets and deletes users; the row and its sessions are gone, app rows cascade", async () => {
    const email = uniqueEmail("delete");
    const { data } = await t
      .admin()
      .auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const id = data.user?.id ?? "";
    expect((await t.admin().auth.admin.getUserById(id)).data.user?.email).toBe(email);
    expect((await t.admin().auth.admin.deleteUser(id)).error).toBeNull();
    const missing = await t.admin().auth.admin.getUserById(id);
    expect(missing.error?.status).toBe(404);
    expect(missing.error?.code).toBe("user_not_found");
    expect(await sql(t.stack, "select 1 from public.profiles where id = $1", [id])).toEqual([]);
  });

  it("soft delete keeps the row but the user can no longer sign in", async () => {
    const email = uniqueEmail("soft");
    const { data } = await t
      .admin()
      .auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const id = data.user?.id ?? "";
    expect((await t.admin().auth.admin.deleteUser(id, true)).error).toBeNull();
    const rows = await sql<{ deleted: boolean }>(
      t.stack,
      "select deleted_at is not null as deleted from auth.users where id = $1",
      [id],
    );
    expect(rows).toEqual([{ deleted: true }]);
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "secret1" })).error?.code,
    ).toBe("invalid_credentials");
  });

  it("paginates listUsers with total, nextPage and lastPage as auth-js parses them", async () => {
    const before = (await t.admin().auth.admin.listUsers({ page: 1, perPage: 1 })).data;
    const existing = "total" in before ? before.total : 0;
    for (let i = 0; i < 5; i++) {
      await t
        .admin()
        .auth.admin.createUser({ email: uniqueEmail(`page${i}`), password: "secret1" });
    }
    const total = existing + 5;
    const first = await t.admin().auth.admin.listUsers({ page: 1, perPage: 2 });
    expect(first.error).toBeNull();
    expect(first.data.users).toHaveLength(2);
    expect(first.data).toMatchObject({ total, nextPage: 2, lastPage: Math.ceil(total / 2) });
    const pages = Math.ceil(total / 2);
    const last = await t.admin().auth.admin.listUsers({ page: pages, perPage: 2 });
    expect(last.data).toMatchObject({ nextPage: null, lastPage: pages });
    // Newest first, no overlap between pages.
    const second = await t.admin().auth.admin.listUsers({ page: 2, perPage: 2 });
    const ids = [...first.data.users, ...second.data.users].map((u) => u.id);
    expect(new Set(ids).size).toBe(4);
    const res = await fetch(`${t.stack.apiUrl}/auth/v1/admin/users?page=&per_page=`, {
      headers: { apikey: t.stack.secretKey, authorization: `Bearer ${t.stack.secretKey}` },
    });
    expect(res.headers.get("x-total-count")).toBe(String(total));
    expect(res.headers.get("link")).toBe(
      `</admin/users?page=${Math.ceil(total / 50)}&per_page=50>; rel="last"`,
    );
  });
});
