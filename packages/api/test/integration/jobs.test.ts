import { describe, expect, it } from "vitest";
import { newUser, secret, sql } from "../helpers.ts";

const MISSING = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

async function userWithJob(label: string) {
  const user = await newUser(label);
  const { document, job } = await user.caller.documents.create({
    source: "text",
    title: label,
    text: "text",
  });
  return { user, document, job };
}

/** What the worker does with the secret key when a run ends or starts. */
async function setJobStatus(jobId: string, status: "failed" | "running" | "succeeded") {
  const { error } = await secret
    .from("jobs")
    .update({
      status,
      attempts: status === "failed" ? 5 : 1,
      last_error: status === "failed" ? "boom" : null,
    })
    .eq("id", jobId);
  if (error) throw error;
}

describe("jobs.list and jobs.get", () => {
  it("lists the caller's jobs with filters", async () => {
    const { user, document, job } = await userWithJob("jobs-list");
    const all = await user.caller.jobs.list({});
    expect(all.items.map((j) => j.id)).toEqual([job.id]);
    expect((await user.caller.jobs.list({ documentId: document.id })).total).toBe(1);
    expect((await user.caller.jobs.list({ status: "failed" })).total).toBe(0);
    expect(await user.caller.jobs.get({ id: job.id })).toMatchObject({
      id: job.id,
      status: "queued",
    });
  });

  it("answers 404 for an unknown job", async () => {
    const user = await newUser("jobs-404");
    await expect(user.caller.jobs.get({ id: MISSING })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("jobs.retry", () => {
  it("re-queues a failed job: status, attempts and error reset, queue entry back", async () => {
    const { user, document, job } = await userWithJob("jobs-retry");
    await setJobStatus(job.id, "failed");
    // As graphile-worker leaves a job that used up its attempts.
    await sql(
      "update graphile_worker._private_jobs set attempts = max_attempts, last_error = 'boom' where key = $1",
      [job.id],
    );

    const retried = await user.caller.jobs.retry({ id: job.id });
    expect(retried).toMatchObject({
      id: job.id,
      status: "queued",
      attempts: 0,
      last_error: null,
      progress: 0,
    });
    const queued = await sql("select attempts from graphile_worker.jobs where key = $1", [job.id]);
    expect(queued).toEqual([{ attempts: 0 }]);
    const doc = await user.caller.documents.get({ id: document.id });
    expect(doc.document.status).toBe("queued");
  });

  it("refuses a job that has not failed with 409", async () => {
    const { user, job } = await userWithJob("jobs-retry-409");
    await expect(user.caller.jobs.retry({ id: job.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("re-queues the owner's cancelled job, back in the queue with its document", async () => {
    const { user, document, job } = await userWithJob("jobs-retry-cancelled");
    await user.caller.jobs.cancel({ id: job.id });
    expect((await user.caller.documents.get({ id: document.id })).document.status).toBe("failed");

    const retried = await user.caller.jobs.retry({ id: job.id });
    expect(retried).toMatchObject({
      id: job.id,
      status: "queued",
      cancel_requested_at: null,
      finished_at: null,
    });
    expect(await sql("select 1 from graphile_worker.jobs where key = $1", [job.id])).toHaveLength(
      1,
    );
    expect((await user.caller.documents.get({ id: document.id })).document.status).toBe("queued");
  });

  it("does not let another user retry a cancelled job: 404, and it stays cancelled", async () => {
    const { user, job } = await userWithJob("jobs-retry-cancelled-owner");
    await user.caller.jobs.cancel({ id: job.id });
    const other = await newUser("jobs-retry-cancelled-other");
    await expect(other.caller.jobs.retry({ id: job.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await user.caller.jobs.get({ id: job.id })).status).toBe("cancelled");
    expect(await sql("select 1 from graphile_worker.jobs where key = $1", [job.id])).toHaveLength(
      0,
    );
  });

  it("refuses a running job with 409, even one asked to stop", async () => {
    const { user, job } = await userWithJob("jobs-retry-running");
    await setJobStatus(job.id, "running");
    await expect(user.caller.jobs.retry({ id: job.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await user.caller.jobs.cancel({ id: job.id });
    await expect(user.caller.jobs.retry({ id: job.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await user.caller.jobs.get({ id: job.id })).status).toBe("running");
  });
});

describe("jobs.cancel", () => {
  it("takes a queued job out of the queue and marks it cancelled", async () => {
    const { user, job } = await userWithJob("jobs-cancel");
    const cancelled = await user.caller.jobs.cancel({ id: job.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.finished_at).not.toBeNull();
    expect(await sql("select 1 from graphile_worker.jobs where key = $1", [job.id])).toHaveLength(
      0,
    );
  });

  it("asks a running job to stop, leaving it running for the worker to end", async () => {
    const { user, job } = await userWithJob("jobs-cancel-running");
    await setJobStatus(job.id, "running");
    const asked = await user.caller.jobs.cancel({ id: job.id });
    expect(asked.status).toBe("running");
    expect(asked.cancel_requested_at).not.toBeNull();
  });

  it("refuses a finished job with 409", async () => {
    const { user, job } = await userWithJob("jobs-cancel-409");
    await setJobStatus(job.id, "succeeded");
    await expect(user.caller.jobs.cancel({ id: job.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
