import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../../src/index.ts";
import { base64, errorShapeOf, newUser, secret, sql } from "../helpers.ts";

describe("documents.create from pasted text", () => {
  it("creates the row and its processing job, queued in graphile-worker under the job id", async () => {
    const user = await newUser("doc-text");
    const { document, job } = await user.caller.documents.create({
      source: "text",
      title: "  Meeting notes  ",
      text: "Hello world",
    });
    expect(document).toMatchObject({
      owner_id: user.id,
      title: "Meeting notes",
      source: "text",
      text_content: "Hello world",
      size_bytes: 11,
      status: "queued",
    });
    expect(job).toMatchObject({
      kind: "document__process",
      status: "queued",
      document_id: document.id,
    });
    expect(job.payload).toEqual({ documentId: document.id, jobId: job.id });
    const queued = await sql<{ task_identifier: string }>(
      "select task_identifier from graphile_worker.jobs where key = $1",
      [job.id],
    );
    expect(queued).toEqual([{ task_identifier: "document__process" }]);
  });

  it("records the request id on the job so worker logs can be tied to the call", async () => {
    const user = await newUser("doc-reqid");
    const { job } = await user.caller.documents.create({ source: "text", title: "t", text: "x" });
    expect(job.request_id).toMatch(/^test-/);
  });
});

describe("documents.create from a file", () => {
  it("stores the file under the owner's folder and takes size and type from Storage", async () => {
    const user = await newUser("doc-file");
    const content = "# Title\n\nSome *markdown*.";
    const { document, job } = await user.caller.documents.create({
      source: "file",
      fileName: "notes.md",
      contentBase64: base64(content),
    });
    expect(document).toMatchObject({
      title: "notes.md",
      source: "file",
      file_name: "notes.md",
      size_bytes: Buffer.byteLength(content),
      storage_path: `${user.id}/${document.id}/notes.md`,
    });
    expect(document.mime_type).toMatch(/^text\/markdown/);
    expect(job.status).toBe("queued");
    const download = await user.caller.documents.get({ id: document.id });
    expect(download.document.id).toBe(document.id);
    const stored = await secret.storage.from("documents").download(document.storage_path ?? "");
    expect(await stored.data?.text()).toBe(content);
  });

  it("refuses a file over the limit with 413 and stores nothing", async () => {
    const user = await newUser("doc-big");
    const tooBig = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 97).toString("base64");
    await expect(
      user.caller.documents.create({ source: "file", fileName: "big.txt", contentBase64: tooBig }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const { data } = await secret.storage.from("documents").list(user.id);
    expect(data).toEqual([]);
    const rows = await sql("select 1 from public.documents where owner_id = $1", [user.id]);
    expect(rows).toHaveLength(0);
  });

  it("refuses an unsupported file type with a field error on fileName", async () => {
    const user = await newUser("doc-exe");
    const shape = await errorShapeOf(
      user.caller.documents.create({
        source: "file",
        fileName: "tool.exe",
        contentBase64: base64("MZ"),
      }),
    );
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.data.zodError?.fieldErrors.fileName).toBeDefined();
  });

  it("refuses folder tricks in the file name", async () => {
    const user = await newUser("doc-path");
    const shape = await errorShapeOf(
      user.caller.documents.create({
        source: "file",
        fileName: "../x.txt",
        contentBase64: base64("x"),
      }),
    );
    expect(shape.data.zodError?.fieldErrors.fileName).toBeDefined();
  });
});

describe("documents.list", () => {
  it("pages the caller's documents newest first and searches titles literally", async () => {
    const user = await newUser("doc-list");
    for (const title of ["alpha report", "beta 100% plan", "gamma report"]) {
      await user.caller.documents.create({ source: "text", title, text: title });
    }
    const page = await user.caller.documents.list({ limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.title)).toEqual(["gamma report", "beta 100% plan"]);
    expect(page.items[0]).not.toHaveProperty("text_content");

    const next = await user.caller.documents.list({ limit: 2, offset: 2 });
    expect(next.items.map((d) => d.title)).toEqual(["alpha report"]);

    const reports = await user.caller.documents.list({ search: "REPORT" });
    expect(reports.items.map((d) => d.title).sort()).toEqual(["alpha report", "gamma report"]);
    const percent = await user.caller.documents.list({ search: "100%" });
    expect(percent.items.map((d) => d.title)).toEqual(["beta 100% plan"]);
    const noWildcard = await user.caller.documents.list({ search: "%" });
    expect(noWildcard.items.map((d) => d.title)).toEqual(["beta 100% plan"]);
  });
});

describe("documents.delete", () => {
  it("removes the row, its jobs, the queued work and every file of the document", async () => {
    const user = await newUser("doc-del");
    const { document, job } = await user.caller.documents.create({
      source: "file",
      fileName: "data.csv",
      contentBase64: base64("a,b\n1,2\n"),
    });
    // An output file as the worker writes it, with the secret key.
    const outputPath = `${user.id}/${document.id}/outputs/summary.txt`;
    const written = await secret.storage.from("documents").upload(outputPath, "summary");
    expect(written.error).toBeNull();

    const result = await user.caller.documents.delete({ id: document.id });
    expect(result).toEqual({ id: document.id, filesRemoved: 2 });

    await expect(user.caller.documents.get({ id: document.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await sql("select 1 from public.jobs where id = $1", [job.id])).toHaveLength(0);
    expect(await sql("select 1 from graphile_worker.jobs where key = $1", [job.id])).toHaveLength(
      0,
    );
    const left = await sql("select name from storage.objects where name like $1", [`${user.id}/%`]);
    expect(left).toEqual([]);
  });

  it("answers 404 for a document that does not exist", async () => {
    const user = await newUser("doc-del-404");
    await expect(
      user.caller.documents.delete({ id: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
