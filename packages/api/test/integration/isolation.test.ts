import { createUserClient } from "@docket/supabase";
import { beforeAll, describe, expect, it } from "vitest";
import { base64, newUser, secret, stack, type TestUser } from "../helpers.ts";

// Two users: B tries everything on A's data, through the API and straight through Supabase
// with B's own token. Someone else's row must look exactly like a missing one.
let a: TestUser;
let b: TestUser;
let docId: string;
let jobId: string;
let filePath: string;
let notificationId: string;

beforeAll(async () => {
  a = await newUser("iso-a");
  b = await newUser("iso-b");
  const created = await a.caller.documents.create({
    source: "file",
    fileName: "secret.txt",
    contentBase64: base64("A only"),
  });
  docId = created.document.id;
  jobId = created.job.id;
  filePath = created.document.storage_path ?? "";
  const output = await secret
    .from("outputs")
    .insert({ document_id: docId, owner_id: a.id, kind: "summary", content: "A's summary" });
  if (output.error) throw output.error;
  const note = await secret
    .from("notifications")
    .insert({ user_id: a.id, kind: "document_ready", title: "for A" })
    .select("id")
    .single();
  if (note.error) throw note.error;
  notificationId = note.data.id;
});

describe("through the API", () => {
  it("B cannot read, rename or delete A's document", async () => {
    await expect(b.caller.documents.get({ id: docId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(b.caller.documents.rename({ id: docId, title: "pwned" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(b.caller.documents.delete({ id: docId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await b.caller.documents.list({})).total).toBe(0);
    expect((await a.caller.documents.get({ id: docId })).document.title).toBe("secret.txt");
  });

  it("B cannot read, retry or cancel A's job", async () => {
    await expect(b.caller.jobs.get({ id: jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.jobs.retry({ id: jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.jobs.cancel({ id: jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await b.caller.jobs.list({ documentId: docId })).total).toBe(0);
    expect((await a.caller.jobs.get({ id: jobId })).status).toBe("queued");
  });

  it("B sees none of A's notifications", async () => {
    expect((await b.caller.notifications.list({})).total).toBe(0);
    expect((await b.caller.notifications.unreadCount()).count).toBe(0);
    expect((await b.caller.notifications.markRead({ ids: [notificationId] })).count).toBe(0);
  });
});

describe("directly through the Data API and Storage with B's token", () => {
  const asB = () =>
    createUserClient({
      url: stack.apiUrl,
      publishableKey: stack.publishableKey,
      accessToken: b.token,
    });

  it("reads return nothing of A's", async () => {
    for (const table of ["documents", "jobs", "outputs", "notifications", "profiles"] as const) {
      const { data, error } = await asB().from(table).select("id").neq("id", b.id);
      expect(error, table).toBeNull();
      expect(data, table).toEqual([]);
    }
  });

  it("writes to A's rows change nothing", async () => {
    const renamed = await asB()
      .from("documents")
      .update({ title: "x" })
      .eq("id", docId)
      .select("id");
    expect(renamed.data).toEqual([]);
    const removed = await asB().from("documents").delete().eq("id", docId).select("id");
    expect(removed.data).toEqual([]);
    const read = await asB()
      .from("notifications")
      .update({ read_at: new Date().toISOString() })
      .eq("id", notificationId)
      .select("id");
    expect(read.data).toEqual([]);
  });

  it("tables and columns outside the grants are refused", async () => {
    expect((await asB().from("user_roles").select("*")).error?.code).toBe("42501");
    expect((await asB().from("audit_log").select("*")).error?.code).toBe("42501");
    const forged = await asB().from("jobs").insert({ owner_id: b.id, kind: "document__process" });
    expect(forged.error?.code).toBe("42501");
    const status = await asB().from("documents").update({ status: "ready" }).eq("owner_id", b.id);
    expect(status.error?.code).toBe("42501");
  });

  it("A's job cannot be cancelled or retried through the RPC functions", async () => {
    expect((await asB().rpc("cancel_job", { p_job_id: jobId })).error?.code).toBe("PT404");
    expect((await asB().rpc("retry_job", { p_job_id: jobId })).error?.code).toBe("PT404");
    expect(
      (
        await asB().rpc("admin_start_system_job", {
          p_kind: "maintenance__cleanup",
          p_owner_id: b.id,
        })
      ).error?.code,
    ).toBe("42501");
  });

  it("A's file can be neither read nor replaced nor removed, nor written into A's folder", async () => {
    const storage = asB().storage.from("documents");
    expect((await storage.download(filePath)).error).not.toBeNull();
    expect((await storage.upload(`${a.id}/${docId}/evil.txt`, "x")).error).not.toBeNull();
    expect((await storage.upload(filePath, "x", { upsert: true })).error).not.toBeNull();
    await storage.remove([filePath]);
    const still = await secret.storage.from("documents").download(filePath);
    expect(await still.data?.text()).toBe("A only");
  });

  it("B cannot register A's uploaded file as a document of their own", async () => {
    const [, folder, name] = filePath.split("/");
    const { error } = await asB().rpc("create_document", {
      p_title: "stolen",
      p_source: "file",
      p_id: folder ?? "",
      p_file_name: name ?? "",
    });
    expect(error?.code).toBe("PT400");
  });
});
