import { createSecretClient } from "@docket/supabase";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { dataApiTransport } from "../../src/tracking/status-transport.ts";
import { trackedTask } from "../../src/tracking/tracked-task.ts";
import {
  asServiceRole,
  connect,
  createUser,
  enqueueDocument,
  finished,
  getJob,
  insertTextDocument,
  queuedJob,
  waitForJob,
} from "../support/db.ts";
import { startTestWorker } from "../support/worker.ts";

// A job's start and end in one status call (a pure run that ends before its 'running' write has
// left), through the real function over the Data API with the secret key, and through a worker.
const stack = inject("stack");
const db = connect(stack.dbUrl);
const send = dataApiTransport(
  createSecretClient({ url: stack.apiUrl, secretKey: stack.secretKey }),
);
let owner: string;
let worker: Awaited<ReturnType<typeof startTestWorker>> | null = null;

beforeAll(async () => {
  owner = await createUser(db);
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

async function newJob() {
  const documentId = await insertTextDocument(db, owner, "Start and end", "Some text.");
  return { documentId, jobId: await enqueueDocument(db, owner, documentId) };
}

/** Takes the graphile-worker job out of the queue: these tests write the row themselves. */
async function dequeue(jobId: string) {
  await db.query("delete from graphile_worker._private_jobs where key = $1", [jobId]);
}

async function documentStatus(documentId: string) {
  const { rows } = await db.query("select status from public.documents where id = $1", [
    documentId,
  ]);
  return rows[0]?.status;
}

describe("worker_apply_job_updates with a chained end", () => {
  it("applies start then end: running's started_at, then succeeded's finished_at", async () => {
    const { jobId, documentId } = await newJob();
    await dequeue(jobId);
    const rows = await send([
      {
        id: jobId,
        status: "running",
        attempts: 1,
        progress: 0,
        document_status: "processing",
        end: {
          id: jobId,
          status: "succeeded",
          progress: 100,
          result: { ok: true },
          document_status: "ready",
        },
      },
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ id: jobId, status: "running", applied: true, chained: false }),
      expect.objectContaining({ id: jobId, status: "succeeded", applied: true, chained: true }),
    ]);
    const job = await getJob(db, jobId);
    expect(job).toMatchObject({ status: "succeeded", progress: 100, attempts: 1 });
    expect(job.result).toEqual({ ok: true });
    expect(job.started_at).not.toBeNull();
    expect(job.finished_at).not.toBeNull();
    expect(await documentStatus(documentId)).toBe("ready");
  });

  it("leaves the end unapplied when a cancel was requested, and a finished row alone", async () => {
    const asked = await newJob();
    await dequeue(asked.jobId);
    // A run that was asked to cancel and then died: the next attempt must not succeed.
    await db.query(
      "update public.jobs set status = 'running', cancel_requested_at = now() where id = $1",
      [asked.jobId],
    );
    const done = await newJob();
    await asServiceRole(db, "select public.cancel_job($1)", [done.jobId]);
    const rows = await send(
      [asked.jobId, done.jobId].map((id) => ({
        id,
        status: "running" as const,
        end: { id, status: "succeeded" as const, document_status: "ready" as const },
      })),
    );
    const part = (id: string, chained: boolean) =>
      rows.find((row) => row.id === id && row.chained === chained);
    expect(part(asked.jobId, false)).toMatchObject({ applied: true, status: "running" });
    expect(part(asked.jobId, false)?.cancel_requested_at).not.toBeNull();
    expect(part(asked.jobId, true)).toMatchObject({ applied: false, status: "running" });
    expect(part(done.jobId, false)).toMatchObject({ applied: false, status: "cancelled" });
    expect(part(done.jobId, true)).toMatchObject({ applied: false, status: "cancelled" });
    expect((await getJob(db, asked.jobId)).status).toBe("running");
    expect(await documentStatus(asked.documentId)).not.toBe("ready");
    expect((await getJob(db, done.jobId)).status).toBe("cancelled");
  });

  it("sends the stored result back with a start only", async () => {
    const { jobId } = await newJob();
    await dequeue(jobId);
    await db.query(`update public.jobs set result = '{"step":3}' where id = $1`, [jobId]);
    const [start] = await send([{ id: jobId, status: "running" }]);
    const [progress] = await send([{ id: jobId, progress: 50 }]);
    expect(start?.result).toEqual({ step: 3 });
    expect(progress?.result).toBeNull();
  });
});

describe("a pure task's start and end", () => {
  const pureNoop = (ran: string[]) => (deps: Parameters<typeof trackedTask>[0]) => ({
    document__process: trackedTask(deps, {
      kind: "document__process",
      pureUntilFirstStep: true,
      documentStatus: { running: "processing", succeeded: "ready", cancelled: "failed" },
      run: async ({ documentId }) => {
        ran.push(documentId);
        return { result: { noop: true } };
      },
    }),
  });

  it("are written in one call; the row still records when it started and finished", async () => {
    const ran: string[] = [];
    worker = await startTestWorker({}, { extraTasks: pureNoop(ran) });
    const before = worker.deps.status.flushes;
    const { jobId, documentId } = await newJob();
    const done = await waitForJob(db, jobId, finished);
    expect(done).toMatchObject({ status: "succeeded", progress: 100, attempts: 1 });
    expect(done.started_at).not.toBeNull();
    expect(done.finished_at).not.toBeNull();
    expect(ran).toEqual([documentId]);
    expect(worker.deps.status.flushes - before).toBe(1);
    expect(await documentStatus(documentId)).toBe("ready");
    await expect.poll(() => queuedJob(db, jobId), { timeout: 2000 }).toBeNull();
  });

  it("end cancelled, not succeeded, when a cancel was requested before the attempt", async () => {
    const { jobId, documentId } = await newJob();
    await db.query(
      "update public.jobs set status = 'running', cancel_requested_at = now() where id = $1",
      [jobId],
    );
    worker = await startTestWorker({}, { extraTasks: pureNoop([]) });
    const done = await waitForJob(db, jobId, finished);
    expect(done.status).toBe("cancelled");
    expect(await documentStatus(documentId)).toBe("failed");
    expect(worker.logs).toContainEqual(
      expect.objectContaining({ msg: "cancelled before it started", jobId }),
    );
    await expect.poll(() => queuedJob(db, jobId), { timeout: 2000 }).toBeNull();
  });

  it("waits for the start's answer at the first step, and stops there if told to", async () => {
    const { jobId, documentId } = await newJob();
    await asServiceRole(db, "select public.cancel_job($1)", [jobId]);
    // The job was already locked when cancelled (remove_job cannot take it): it still arrives.
    await db.query(
      `select graphile_worker.add_job('document__process',
         json_build_object('jobId', $1::text, 'documentId', $2::text), job_key := $1::text)`,
      [jobId, documentId],
    );
    const steps: string[] = [];
    worker = await startTestWorker(
      {},
      {
        extraTasks: (deps) => ({
          document__process: trackedTask(deps, {
            kind: "document__process",
            pureUntilFirstStep: true,
            run: async (_payload, ctx) => {
              steps.push("before");
              await ctx.step(10);
              steps.push("after");
              return {};
            },
          }),
        }),
      },
    );
    await expect
      .poll(() => worker?.logs.find((line) => line.jobId === jobId)?.msg, { timeout: 5000 })
      .toBe("job already finished, skipping");
    expect(steps).toEqual(["before"]);
    expect((await getJob(db, jobId)).status).toBe("cancelled");
    await expect.poll(() => queuedJob(db, jobId), { timeout: 2000 }).toBeNull();
  });
});
