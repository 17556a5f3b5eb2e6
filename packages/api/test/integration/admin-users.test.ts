import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { base64, newUser, secret, sql, stack } from "../helpers.ts";

async function auditRows(action: string, targetId: string) {
  return sql<{ actor_id: string; request_id: string }>(
    "select actor_id, request_id from public.audit_log where action = $1 and target_id = $2",
    [action, targetId],
  );
}

describe("admin.users", () => {
  it("lists users from Auth and searches by email or display name", async () => {
    const admin = await newUser("lister", { admin: true });
    const target = await newUser("findme");
    await target.caller.profile.update({ displayName: "Grace 100% Hopper" });

    const page = await admin.caller.admin.users.list({ perPage: 100 });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items.find((u) => u.id === admin.id)).toMatchObject({ isAdmin: true });

    const byEmail = await admin.caller.admin.users.list({ search: target.email.slice(0, 14) });
    expect(byEmail.items.map((u) => u.id)).toEqual([target.id]);
    const byName = await admin.caller.admin.users.list({ search: "grace 100%" });
    expect(byName.items).toEqual([
      expect.objectContaining({ id: target.id, displayName: "Grace 100% Hopper", isAdmin: false }),
    ]);
    const none = await admin.caller.admin.users.list({ search: 'x",email.ilike.%' });
    expect(none.items).toEqual([]);
  });

  it("gets a user with their documents and jobs", async () => {
    const admin = await newUser("getter", { admin: true });
    const target = await newUser("owner");
    const { document, job } = await target.caller.documents.create({
      source: "text",
      title: "Doc",
      text: "x",
    });
    const detail = await admin.caller.admin.users.get({ userId: target.id });
    expect(detail.user).toMatchObject({
      id: target.id,
      email: target.email,
      isAdmin: false,
      isBanned: false,
    });
    expect(detail.documents.items.map((d) => d.id)).toEqual([document.id]);
    expect(detail.jobs.items.map((j) => j.id)).toEqual([job.id]);
  });

  it("answers 404 for an unknown user", async () => {
    const admin = await newUser("getter-404", { admin: true });
    await expect(
      admin.caller.admin.users.get({ userId: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("grants and revokes admin, auditing both", async () => {
    const admin = await newUser("roles", { admin: true });
    const target = await newUser("promoted");
    await admin.caller.admin.users.grantAdmin({ userId: target.id });
    expect((await target.caller.me()).isAdmin).toBe(true);
    await admin.caller.admin.users.revokeAdmin({ userId: target.id });
    expect((await target.caller.me()).isAdmin).toBe(false);
    expect(await auditRows("admin.users.grantAdmin", target.id)).toEqual([
      { actor_id: admin.id, request_id: expect.stringMatching(/^test-/) },
    ]);
    expect(await auditRows("admin.users.revokeAdmin", target.id)).toHaveLength(1);
  });

  it("refuses to revoke, ban or delete the caller's own account", async () => {
    const admin = await newUser("self", { admin: true });
    await expect(admin.caller.admin.users.revokeAdmin({ userId: admin.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      admin.caller.admin.users.ban({ userId: admin.id, hours: 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.caller.admin.users.delete({ userId: admin.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await admin.caller.me()).isAdmin).toBe(true);
  });

  it("bans and unbans: a banned user cannot sign in", async () => {
    const admin = await newUser("banner", { admin: true });
    const password = "banned-password-1";
    const created = await secret.auth.admin.createUser({
      email: `banned-${Date.now()}@test.docket.local`,
      password,
      email_confirm: true,
    });
    const target = created.data.user;
    if (!target?.email) throw created.error ?? new Error("no user");

    const banned = await admin.caller.admin.users.ban({ userId: target.id, hours: 24 });
    expect(Date.parse(banned.bannedUntil ?? "")).toBeGreaterThan(Date.now());
    const auth = createClient(stack.apiUrl, stack.publishableKey, {
      auth: { persistSession: false },
    });
    const refused = await auth.auth.signInWithPassword({ email: target.email, password });
    expect(refused.error).not.toBeNull();

    await admin.caller.admin.users.unban({ userId: target.id });
    const allowed = await auth.auth.signInWithPassword({ email: target.email, password });
    expect(allowed.error).toBeNull();
    expect(await auditRows("admin.users.ban", target.id)).toHaveLength(1);
    expect(await auditRows("admin.users.unban", target.id)).toHaveLength(1);
  });

  it("deletes a user with their rows and files", async () => {
    const admin = await newUser("deleter", { admin: true });
    const target = await newUser("doomed");
    const { document, job } = await target.caller.documents.create({
      source: "file",
      fileName: "a.txt",
      contentBase64: base64("bye"),
    });
    const result = await admin.caller.admin.users.delete({ userId: target.id });
    expect(result).toEqual({ userId: target.id, filesRemoved: 1 });
    expect(await sql("select 1 from public.documents where id = $1", [document.id])).toHaveLength(
      0,
    );
    expect(await sql("select 1 from graphile_worker.jobs where key = $1", [job.id])).toHaveLength(
      0,
    );
    expect(
      await sql("select 1 from storage.objects where name like $1", [`${target.id}/%`]),
    ).toHaveLength(0);
    await expect(admin.caller.admin.users.get({ userId: target.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await auditRows("admin.users.delete", target.id)).toHaveLength(1);
  });
});
