import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { slowTask } from "../../src/testing/slow-task.ts";
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

const stack = inject("stack");
const db = connect(stack.dbUrl);
let owner: string;
let worker: Awaited<ReturnType<typeof startTestWorker>> | null = null;

beforeAll(async () => {
  owner = await createUser(db);
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});

async function newJob(maxAttempts?: number) {
  const documentId = await insertTextDocument(db, owner, "Lifecycle", "Some text to process.");
  return {
    documentId,
    jobId: await enqueueDocument(db, owner, documentId, undefined, maxAttempts),
  };
}

describe("job status and delivery", () => {
  it("writes running with progress, then succeeded, with attempts and timestamps", async () => {
    worker = await startTestWorker({}, { extraTasks: slowTask({ steps: 4, stepMs: 150 }) });
    const { jobId, documentId } = await newJob();
    const running = await waitForJob(db, jobId, (r) => r.status === "running" && r.progress > 0);
    expect(running.started_at).not.toBeNull();
    expect(running.finished_at).toBeNull();
    const { rows } = await db.query("select status from public.documents where id = $1", [
      documentId,
    ]);
    expect(rows[0].status).toBe("processing");
    const done = await waitForJob(db, jobId, finished);
    expect(done).toMatchObject({
      status: "succeeded",
      progress: 100,
      attempts: 1,
      last_error: null,
    });
  });

  it("retries a transient failure with graphile-worker's backoff, then succeeds", async () => {
    worker = await startTestWorker(
      {},
      { extraTasks: slowTask({ steps: 1, stepMs: 10, failOnAttempts: [1] }) },
    );
    const { jobId } = await newJob();
    const retrying = await waitForJob(db, jobId, (r) => r.status === "queued" && r.attempts === 1);
    expect(retrying.last_error).toBe("transient failure on attempt 1");
    // graphile-worker records the failure a batch window after the jobs row says so.
    await expect
      .poll(async () => (await queuedJob(db, jobId))?.last_error)
      .toBe("transient failure on attempt 1");
    const queued = await queuedJob(db, jobId);
    // graphile-worker's backoff: exp(attempts) seconds after the failure.
    expect(queued?.run_at.getTime()).toBeGreaterThan(Date.now() + 1000);
    const done = await waitForJob(db, jobId, finished, 15_000);
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, last_error: null });
  });

  it("marks the job failed after its last attempt", async () => {
    worker = await startTestWorker(
      {},
      { extraTasks: slowTask({ steps: 1, stepMs: 10, failOnAttempts: [1, 2] }) },
    );
    const { jobId } = await newJob(2);
    const done = await waitForJob(db, jobId, finished, 15_000);
    expect(done).toMatchObject({
      status: "failed",
      attempts: 2,
      last_error: "transient failure on attempt 2",
    });
    expect(done.finished_at).not.toBeNull();
    const queued = await queuedJob(db, jobId);
    expect(queued).toMatchObject({ attempts: 2, max_attempts: 2 });
  });

  it("cancels a queued job: it leaves the queue and never runs", async () => {
    const { jobId } = await newJob();
    await asServiceRole(db, "select public.cancel_job($1)", [jobId]);
    expect(await queuedJob(db, jobId)).toBeNull();
    worker = await startTestWorker({}, { extraTasks: slowTask({ steps: 1, stepMs: 10 }) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await getJob(db, jobId)).toMatchObject({
      status: "cancelled",
      attempts: 0,
      started_at: null,
    });
  });

  it("cancels a running job at its next step boundary", async () => {
    worker = await startTestWorker({}, { extraTasks: slowTask({ steps: 50, stepMs: 100 }) });
    const { jobId } = await newJob();
    await waitForJob(db, jobId, (r) => r.status === "running" && r.progress > 0);
    await asServiceRole(db, "select public.cancel_job($1)", [jobId]);
    const done = await waitForJob(db, jobId, finished, 5_000);
    expect(done.status).toBe("cancelled");
    expect(done.progress).toBeLessThan(90);
    // It was completed in graphile-worker too: no retry will bring it back.
    await expect.poll(() => queuedJob(db, jobId), { timeout: 2000 }).toBeNull();
  });

  it("drains on stop: a running job is released and rerun later, not lost", async () => {
    worker = await startTestWorker(
      { shutdownTimeoutMs: 200 },
      { extraTasks: slowTask({ steps: 30, stepMs: 100 }) },
    );
    const { jobId } = await newJob();
    await waitForJob(db, jobId, (r) => r.status === "running" && r.progress > 0);
    await worker.stop();
    worker = null;
    const released = await getJob(db, jobId);
    expect(released.status).toBe("queued");
    expect(released.last_error).toMatch(/shutting down/);
    const queued = await queuedJob(db, jobId);
    expect(queued?.locked_by).toBeNull();
    // Leave nothing queued for the next file's workers.
    await asServiceRole(db, "select public.cancel_job($1)", [jobId]);
  });
});
