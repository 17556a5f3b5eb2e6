import { enqueueJob } from "@docket/jobs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, createUser, finished, insertTextDocument, waitForJob } from "../support/db.ts";
import { startTestWorker } from "../support/worker.ts";

const stack = inject("stack");
const db = connect(stack.dbUrl);
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let admin: string;

beforeAll(async () => {
  admin = await createUser(db);
  worker = await startTestWorker();
});
afterAll(async () => {
  await worker?.stop();
  await db.end();
});

describe("admin__reprocess_all", () => {
  it("fans out one document__process job per idle document and reports its progress", async () => {
    await db.query("delete from public.documents");
    const owners = [await createUser(db), await createUser(db)];
    const docs: string[] = [];
    for (const [i, owner] of owners.entries()) {
      for (let n = 0; n < 3; n++)
        docs.push(
          await insertTextDocument(db, owner, `Doc ${i}.${n}`, `Body ${n}. More words here.`),
        );
    }
    // One document already has a queued job: it must not get a second one.
    const busy = docs[0] ?? "";
    await enqueueJob(db, {
      ownerId: owners[0] ?? "",
      kind: "document__process",
      input: { documentId: busy },
      documentId: busy,
    });
    await db.query(
      "update graphile_worker._private_jobs set run_at = now() + interval '1 hour' where key in (select id::text from public.jobs where document_id = $1)",
      [busy],
    );

    const jobId = await enqueueJob(db, {
      ownerId: admin,
      kind: "admin__reprocess_all",
      input: {},
      requestId: "req-admin-1",
    });
    const job = await waitForJob(db, jobId, finished);
    expect(job).toMatchObject({ status: "succeeded", progress: 100 });
    expect(job.result).toMatchObject({ enqueued: 5, skipped: 1, total: 6 });

    const { rows } = await db.query<{
      document_id: string;
      n: number;
      owner_id: string;
      request_id: string;
    }>(
      `select document_id, count(*)::int as n, min(owner_id::text) as owner_id, min(request_id) as request_id
       from public.jobs where kind = 'document__process' and document_id = any($1) group by document_id`,
      [docs],
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // Fanned-out jobs belong to each document's owner and carry the admin request's id.
    const fanned = rows.filter((r) => r.document_id !== busy);
    expect(fanned.every((r) => r.request_id === "req-admin-1")).toBe(true);
    expect(new Set(fanned.map((r) => r.owner_id))).toEqual(new Set(owners));
    await Promise.all(
      fanned.map(async (r) => {
        const { rows: ids } = await db.query("select id from public.jobs where document_id = $1", [
          r.document_id,
        ]);
        return waitForJob(db, ids[0].id, finished);
      }),
    );
  });
});

describe("maintenance__cleanup", () => {
  it("deletes old notifications, keeps recent ones, and runs graphile-worker's cleanup", async () => {
    const user = await createUser(db);
    await db.query(
      `insert into public.notifications (user_id, kind, title, body, read_at, created_at) values
        ($1, 'k', 'old read', '', now() - interval '40 days', now() - interval '41 days'),
        ($1, 'k', 'ancient unread', '', null, now() - interval '100 days'),
        ($1, 'k', 'recent read', '', now() - interval '1 day', now() - interval '2 days'),
        ($1, 'k', 'old unread', '', null, now() - interval '40 days')`,
      [user],
    );
    // A permanently failed graphile-worker job (its history stays in public.jobs).
    await db.query(
      "select graphile_worker.add_job('document__process', '{}'::json, job_key => 'permafailed-test', max_attempts => 1)",
    );
    await db.query(
      "update graphile_worker._private_jobs set attempts = 1, run_at = now() + interval '1 day' where key = 'permafailed-test'",
    );

    const jobId = await enqueueJob(db, { ownerId: user, kind: "maintenance__cleanup", input: {} });
    const job = await waitForJob(db, jobId, finished);
    expect(job.status).toBe("succeeded");
    expect(job.result).toMatchObject({ deletedNotifications: 2 });
    const { rows } = await db.query(
      "select title from public.notifications where user_id = $1 order by title",
      [user],
    );
    expect(rows.map((r) => r.title)).toEqual(["old unread", "recent read"]);
    const { rows: perma } = await db.query(
      "select 1 from graphile_worker.jobs where key = 'permafailed-test'",
    );
    expect(perma).toHaveLength(0);
  });
});
