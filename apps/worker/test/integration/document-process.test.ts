import { createSecretClient } from "@docket/supabase";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makePdf } from "../../src/testing/make-pdf.ts";
import {
  connect,
  createUser,
  enqueueDocument,
  finished,
  getJob,
  insertFileDocument,
  insertTextDocument,
  queuedJob,
  waitForJob,
} from "../support/db.ts";
import { startTestWorker } from "../support/worker.ts";

const stack = inject("stack");
const db = connect(stack.dbUrl);
const secret = createSecretClient({ url: stack.apiUrl, secretKey: stack.secretKey });
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let owner: string;

beforeAll(async () => {
  worker = await startTestWorker();
  owner = await createUser(db);
});
afterAll(async () => {
  await worker?.stop();
  await db.end();
});

async function uploadDocument(fileName: string, mimeType: string, bytes: Uint8Array) {
  const id = crypto.randomUUID();
  const { error } = await secret.storage
    .from("documents")
    .upload(`${owner}/${id}/${fileName}`, bytes, { contentType: mimeType });
  if (error) throw error;
  await insertFileDocument(db, {
    id,
    ownerId: owner,
    title: fileName,
    fileName,
    mimeType,
    size: bytes.byteLength,
  });
  return id;
}

describe("document__process", () => {
  it("processes an uploaded PDF: outputs in the table and in Storage, job and document finished", async () => {
    const pdf = makePdf({
      pages: [
        ["Contract for ACME Corp signed 2024-05-01."],
        ["Contact legal@acme.example about $2,500.00."],
      ],
    });
    const documentId = await uploadDocument("contract.pdf", "application/pdf", pdf);
    const jobId = await enqueueDocument(db, owner, documentId, "req-pdf-1");

    const job = await waitForJob(db, jobId, finished);
    expect(job).toMatchObject({
      status: "succeeded",
      progress: 100,
      attempts: 1,
      last_error: null,
    });
    expect(job.started_at).not.toBeNull();
    expect(job.finished_at?.getTime()).toBeGreaterThanOrEqual(job.started_at?.getTime() ?? 0);
    expect(job.result).toMatchObject({ documentId, fileKind: "pdf" });

    const { rows: outputs } = await db.query(
      "select kind, content, storage_path from public.outputs where document_id = $1 order by kind",
      [documentId],
    );
    expect(outputs.map((o) => o.kind)).toEqual([
      "entities_csv",
      "markdown",
      "stats_json",
      "summary",
    ]);
    const csv = outputs.find((o) => o.kind === "entities_csv");
    expect(csv.content).toContain("email,legal@acme.example,1");
    const { data: file } = await secret.storage.from("documents").download(csv.storage_path);
    expect(await file?.text()).toBe(csv.content);

    const { rows: docs } = await db.query("select status from public.documents where id = $1", [
      documentId,
    ]);
    expect(docs[0].status).toBe("ready");
    await expect.poll(() => queuedJob(db, jobId)).toBeNull();
    // The request id of the API call that enqueued it is on the worker's log lines for the job.
    expect(
      worker.logs.some(
        (l) => l.jobId === jobId && l.requestId === "req-pdf-1" && l.msg === "job succeeded",
      ),
    ).toBe(true);
  });

  it("re-running a document upserts its outputs instead of duplicating them", async () => {
    const documentId = await insertTextDocument(
      db,
      owner,
      "Notes",
      "First version of the notes. It talks about invoices.",
    );
    await waitForJob(db, await enqueueDocument(db, owner, documentId), finished);
    await db.query(
      "update public.documents set text_content = 'Second version. Now about payments and receipts.' where id = $1",
      [documentId],
    );
    const second = await waitForJob(db, await enqueueDocument(db, owner, documentId), finished);
    expect(second.status).toBe("succeeded");
    const { rows } = await db.query(
      "select kind, content from public.outputs where document_id = $1",
      [documentId],
    );
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.kind === "summary")?.content).toContain("Second version");
  });

  it.each([
    [
      "photo.png",
      "image/png",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      /Unsupported file type "\.png"/,
    ],
    [
      "broken.pdf",
      "application/pdf",
      new TextEncoder().encode("%PDF-1.4\ngarbage without objects"),
      /PDF could not be read/,
    ],
    ["empty.txt", "text/plain", new TextEncoder().encode("   \n  "), /no readable text/],
  ])(
    "fails %s at once with a clear message, without retries",
    async (name, mime, bytes, message) => {
      const documentId = await uploadDocument(name, mime, bytes);
      const jobId = await enqueueDocument(db, owner, documentId);
      const job = await waitForJob(db, jobId, finished);
      expect(job.status).toBe("failed");
      expect(job.attempts).toBe(1);
      expect(job.last_error).toMatch(message);
      await expect.poll(() => queuedJob(db, jobId), { timeout: 5000 }).toBeNull();
      const { rows } = await db.query("select status from public.documents where id = $1", [
        documentId,
      ]);
      expect(rows[0].status).toBe("failed");
    },
  );

  it("fails a job whose payload does not validate permanently, on its first attempt", async () => {
    const { rows } = await db.query<{ id: string }>(
      "select app_private.enqueue_job($1, 'document__process', $2::jsonb) as id",
      [owner, JSON.stringify({ documentId: "not-a-uuid" })],
    );
    const jobId = rows[0]?.id ?? "";
    const job = await waitForJob(db, jobId, finished);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(job.last_error).toMatch(/Invalid payload.*documentId/);
    await expect.poll(() => queuedJob(db, jobId)).toBeNull();
    expect((await getJob(db, jobId)).finished_at).not.toBeNull();
  });
});
