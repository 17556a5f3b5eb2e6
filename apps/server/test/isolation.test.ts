// Two users: neither can read or change the other's documents, files, jobs, outputs or
// notifications — not through any procedure, nor directly through the Data API or Storage with
// their own token. Each refusal is paired with the owner succeeding, so a test cannot pass just
// because everything is broken.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { FILE_TEXT, giveThings, type OwnedThings } from "./helpers/fixtures.ts";
import { mutate, query, trpcCode, trpcData } from "./helpers/http.ts";
import { createUser, sql, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const { url } = inject("server");
let alice: TestUser;
let bob: TestUser;
let a: OwnedThings;

beforeAll(async () => {
  alice = await createUser(stack, "alice");
  bob = await createUser(stack, "bob");
  a = await giveThings(stack, alice);
});

const ids = (result: Awaited<ReturnType<typeof query>>) =>
  trpcData<{ items: Array<{ id: string }> }>(result).items.map((item) => item.id);

describe("through the API procedures", () => {
  it("documents: list, get, rename, delete", async () => {
    expect(ids(await query(url, "documents.list", {}, alice.token))).toContain(a.textDocumentId);
    expect(ids(await query(url, "documents.list", {}, bob.token))).not.toContain(a.textDocumentId);

    expect((await query(url, "documents.get", { id: a.textDocumentId }, alice.token)).status).toBe(
      200,
    );
    for (const id of [a.textDocumentId, a.fileDocumentId]) {
      const got = await query(url, "documents.get", { id }, bob.token);
      expect(got.status).toBe(404);
      expect(got.text).not.toContain("secret plans");
      const renamed = await mutate(url, "documents.rename", { id, title: "pwned" }, bob.token);
      expect(renamed.status).toBe(404);
      const deleted = await mutate(url, "documents.delete", { id }, bob.token);
      expect(deleted.status).toBe(404);
    }
    const [row] = await sql<{ title: string }>(
      stack,
      "select title from public.documents where id = $1",
      [a.textDocumentId],
    );
    expect(row?.title).toBe("Private notes");
    const download = await alice.client.storage.from("documents").download(a.filePath);
    expect(await download.data?.text()).toBe(FILE_TEXT);
  });

  it("outputs only come with the owner's document", async () => {
    const own = trpcData<{ outputs: Array<{ id: string }> }>(
      await query(url, "documents.get", { id: a.textDocumentId }, alice.token),
    );
    expect(own.outputs.map((o) => o.id)).toContain(a.outputId);
  });

  it("jobs: list, get, retry, cancel", async () => {
    expect(ids(await query(url, "jobs.list", {}, alice.token))).toContain(a.jobId);
    expect(ids(await query(url, "jobs.list", {}, bob.token))).not.toContain(a.jobId);
    expect((await query(url, "jobs.get", { id: a.jobId }, bob.token)).status).toBe(404);
    const filtered = await query(url, "jobs.list", { documentId: a.textDocumentId }, bob.token);
    expect(ids(filtered)).toEqual([]);
    for (const action of ["jobs.retry", "jobs.cancel"]) {
      const result = await mutate(url, action, { id: a.jobId }, bob.token);
      expect(result.status, action).toBe(404);
    }
    const [job] = await sql<{ status: string; cancel_requested_at: string | null }>(
      stack,
      "select status, cancel_requested_at from public.jobs where id = $1",
      [a.jobId],
    );
    expect(job).toEqual({ status: "queued", cancel_requested_at: null });
  });

  it("notifications: list, unread count, mark read", async () => {
    expect(ids(await query(url, "notifications.list", {}, alice.token))).toContain(
      a.notificationId,
    );
    expect(ids(await query(url, "notifications.list", {}, bob.token))).toEqual([]);
    expect(
      trpcData<{ count: number }>(
        await query(url, "notifications.unreadCount", undefined, bob.token),
      ).count,
    ).toBe(0);
    const marked = trpcData<{ count: number }>(
      await mutate(url, "notifications.markRead", { ids: [a.notificationId] }, bob.token),
    );
    expect(marked.count).toBe(0);
    const all = trpcData<{ count: number }>(
      await mutate(url, "notifications.markRead", { all: true }, bob.token),
    );
    expect(all.count).toBe(0);
    const [row] = await sql<{ read_at: string | null }>(
      stack,
      "select read_at from public.notifications where id = $1",
      [a.notificationId],
    );
    expect(row?.read_at).toBeNull();
  });

  it("profile: each sees and changes only their own", async () => {
    const own = trpcData<{ id: string }>(await query(url, "profile.get", undefined, bob.token));
    expect(own.id).toBe(bob.id);
    await mutate(url, "profile.update", { displayName: "Bob" }, bob.token);
    const [aliceProfile] = await sql<{ display_name: string | null }>(
      stack,
      "select display_name from public.profiles where id = $1",
      [alice.id],
    );
    expect(aliceProfile?.display_name).not.toBe("Bob");
  });
});

describe("directly through the Data API with their own token", () => {
  it("reads none of the other user's rows", async () => {
    const tables = [
      ["documents", a.textDocumentId],
      ["jobs", a.jobId],
      ["outputs", a.outputId],
      ["notifications", a.notificationId],
    ] as const;
    for (const [table, id] of tables) {
      const owner = await alice.client.from(table).select("id").eq("id", id);
      expect(owner.data, table).toEqual([{ id }]);
      const other = await bob.client.from(table).select("id").eq("id", id);
      expect(other.error, table).toBeNull();
      expect(other.data, table).toEqual([]);
    }
  });

  it("changes none of them", async () => {
    const renamed = await bob.client
      .from("documents")
      .update({ title: "pwned" })
      .eq("id", a.textDocumentId)
      .select();
    expect(renamed.data ?? []).toEqual([]);
    const deleted = await bob.client.from("documents").delete().eq("id", a.textDocumentId).select();
    expect(deleted.data ?? []).toEqual([]);
    const read = await bob.client
      .from("notifications")
      .update({ read_at: new Date().toISOString() })
      .eq("id", a.notificationId)
      .select();
    expect(read.data ?? []).toEqual([]);
    const stolen = await bob.client
      .from("jobs")
      .update({ status: "cancelled" })
      .eq("id", a.jobId)
      .select();
    expect(stolen.error ?? stolen.data?.length === 0).toBeTruthy();
    const planted = await bob.client
      .from("documents")
      .insert({ owner_id: alice.id, title: "planted", source: "text", text_content: "x" });
    expect(planted.error).not.toBeNull();
    for (const fn of ["retry_job", "cancel_job"] as const) {
      const result = await bob.client.rpc(fn, { p_job_id: a.jobId });
      expect(result.error, fn).not.toBeNull();
    }
    const [count] = await sql<{ n: string }>(
      stack,
      "select count(*) as n from public.documents where owner_id = $1 and title = 'Private notes'",
      [alice.id],
    );
    expect(count?.n).toBe("1");
  });

  it("cannot make itself admin, read the audit log or reach graphile_worker", async () => {
    const grant = await bob.client.from("user_roles").insert({ user_id: bob.id, role: "admin" });
    expect(grant.error).not.toBeNull();
    const roles = await bob.client.from("user_roles").select("*");
    expect(roles.data ?? []).toEqual([]);
    const audit = await bob.client.from("audit_log").select("*");
    expect(audit.data ?? []).toEqual([]);
    const queue = await bob.client
      .schema("graphile_worker" as "public")
      .from("jobs")
      .select("*");
    expect(queue.error).not.toBeNull();
    const me = trpcData<{ isAdmin: boolean }>(await query(url, "me", undefined, bob.token));
    expect(me.isAdmin).toBe(false);
  });
});

describe("directly through Storage with their own token", () => {
  it("cannot download, list, overwrite or delete the other user's file", async () => {
    const bucket = bob.client.storage.from("documents");
    const download = await bucket.download(a.filePath);
    expect(download.error).not.toBeNull();
    const listed = await bucket.list(`${alice.id}/${a.fileDocumentId}`);
    expect(listed.data ?? []).toEqual([]);
    const overwrite = await bucket.upload(a.filePath, new Blob(["overwritten"]), { upsert: true });
    expect(overwrite.error).not.toBeNull();
    const plant = await bucket.upload(`${alice.id}/planted.txt`, new Blob(["planted"]));
    expect(plant.error).not.toBeNull();
    await bucket.remove([a.filePath]);
    const signed = await bucket.createSignedUrl(a.filePath, 60);
    expect(signed.error).not.toBeNull();

    const still = await alice.client.storage.from("documents").download(a.filePath);
    expect(await still.data?.text()).toBe(FILE_TEXT);
    const owned = await alice.client.storage
      .from("documents")
      .list(`${alice.id}/${a.fileDocumentId}`);
    expect(owned.data?.map((f) => f.name)).toEqual(["diary.txt"]);
  });
});

describe("anonymous callers", () => {
  it("get 401 from every user procedure and nothing from the Data API", async () => {
    expect(trpcCode(await query(url, "documents.list", {}))).toBe("UNAUTHORIZED");
    const anon = await (await import("@supabase/supabase-js"))
      .createClient(stack.apiUrl, stack.publishableKey, { auth: { persistSession: false } })
      .from("documents")
      .select("id");
    expect(anon.data ?? []).toEqual([]);
  });
});
