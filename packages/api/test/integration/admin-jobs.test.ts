import { describe, expect, it } from "vitest";
import { newUser, secret, sql } from "../helpers.ts";

async function documentJob(label: string) {
  const user = await newUser(label);
  const { job } = await user.caller.documents.create({ source: "text", title: label, text: "t" });
  return { user, job };
}

async function markFailed(jobId: string) {
  const { error } = await secret
    .from("jobs")
    .update({ status: "failed", last_error: "boom" })
    .eq("id", jobId);
  if (error) throw error;
}

async function audited(action: string) {
  return sql<{ target_type: string; target_id: string; details: Record<string, unknown> }>(
    "select target_type, target_id, details from public.audit_log where action = $1 order by id desc limit 1",
    [action],
  );
}

describe("admin.jobs reads", () => {
  it("lists everyone's jobs with filters", async () => {
    const admin = await newUser("jobs-admin", { admin: true });
    const { user, job } = await documentJob("jobs-owner");
    const mine = await admin.caller.admin.jobs.list({ ownerId: user.id });
    expect(mine.items.map((j) => j.id)).toEqual([job.id]);
    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await admin.caller.admin.jobs.list({ ownerId: user.id, since })).total).toBe(0);
  });

  it("counts jobs per hour, kind and status", async () => {
    const admin = await newUser("stats-admin", { admin: true });
    const { job: a } = await documentJob("stats-a");
    const { job: b } = await documentJob("stats-b");
    const { job: c } = await documentJob("stats-c");
    await markFailed(c.id);
    // Moved to a window of their own, so jobs of concurrently running tests do not count.
    await sql("update public.jobs set created_at = $2 where id = any($1)", [
      [a.id, b.id],
      "2001-02-03T10:15:00Z",
    ]);
    await sql("update public.jobs set created_at = $2 where id = $1", [
      c.id,
      "2001-02-03T12:59:59Z",
    ]);

    const stats = await admin.caller.admin.jobs.stats({
      since: "2001-02-03T00:00:00Z",
      until: "2001-02-04T00:00:00Z",
    });
    expect(stats.total).toBe(3);
    expect(stats.byStatus).toEqual({ queued: 2, failed: 1 });
    expect(stats.byKind).toEqual({ document__process: 3 });
    expect(stats.hourly).toEqual([
      { hour: "2001-02-03T10:00:00.000Z", counts: { queued: 2 } },
      { hour: "2001-02-03T12:00:00.000Z", counts: { failed: 1 } },
    ]);
  });

  it("defaults the stats window to the last 24 hours", async () => {
    const admin = await newUser("stats-default", { admin: true });
    const stats = await admin.caller.admin.jobs.stats({});
    expect(Date.parse(stats.until) - Date.parse(stats.since)).toBe(24 * 60 * 60 * 1000);
  });

  it("refuses a stats window wider than 31 days with 400", async () => {
    const admin = await newUser("stats-wide", { admin: true });
    await expect(
      admin.caller.admin.jobs.stats({
        since: "2020-01-01T00:00:00Z",
        until: "2020-03-01T00:00:00Z",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("admin.jobs mutations", () => {
  it("retries and cancels anyone's job, auditing each", async () => {
    const admin = await newUser("ops", { admin: true });
    const { job } = await documentJob("ops-owner");
    const cancelled = await admin.caller.admin.jobs.cancel({ jobId: job.id });
    expect(cancelled.status).toBe("cancelled");
    // Admins may also re-run a cancelled job.
    const retried = await admin.caller.admin.jobs.retry({ jobId: job.id });
    expect(retried.status).toBe("queued");
    expect(await sql("select 1 from graphile_worker.jobs where key = $1", [job.id])).toHaveLength(
      1,
    );
    expect(await audited("admin.jobs.cancel")).toEqual([
      expect.objectContaining({ target_type: "job", target_id: job.id }),
    ]);
  });

  it("retries every failed job of a kind in bulk", async () => {
    const admin = await newUser("bulk", { admin: true });
    const a = await documentJob("bulk-a");
    const b = await documentJob("bulk-b");
    await markFailed(a.job.id);
    await markFailed(b.job.id);
    const result = await admin.caller.admin.jobs.retryFailed({ kind: "document__process" });
    expect(result.affectedIds).toEqual(expect.arrayContaining([a.job.id, b.job.id]));
    const statuses = await sql<{ status: string }>(
      "select status from public.jobs where id = any($1)",
      [[a.job.id, b.job.id]],
    );
    expect(statuses.map((row) => row.status)).toEqual(["queued", "queued"]);
  });

  it("completes, fails and reschedules queued jobs through graphile-worker", async () => {
    const admin = await newUser("gw", { admin: true });
    const one = await documentJob("gw-1");
    const two = await documentJob("gw-2");
    const three = await documentJob("gw-3");

    const rescheduled = await admin.caller.admin.jobs.reschedule({
      jobIds: [one.job.id],
      runAt: "2030-01-01T00:00:00Z",
      maxAttempts: 9,
    });
    expect(rescheduled.affectedIds).toEqual([one.job.id]);
    const [queued] = await sql<{ run_at: Date; max_attempts: number }>(
      "select run_at, max_attempts from graphile_worker.jobs where key = $1",
      [one.job.id],
    );
    expect(queued?.run_at.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(queued?.max_attempts).toBe(9);

    const failed = await admin.caller.admin.jobs.permanentlyFail({
      jobIds: [two.job.id],
      reason: "bad input",
    });
    expect(failed.jobs[0]).toMatchObject({ status: "failed", last_error: "bad input" });

    const missing = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    const completed = await admin.caller.admin.jobs.complete({ jobIds: [three.job.id, missing] });
    expect(completed).toMatchObject({
      count: 1,
      affectedIds: [three.job.id],
      skippedIds: [missing],
    });
    expect(completed.jobs[0]).toMatchObject({ status: "succeeded", progress: 100 });
    expect(
      await sql("select 1 from graphile_worker.jobs where key = $1", [three.job.id]),
    ).toHaveLength(0);

    const audit = await audited("admin.jobs.complete");
    expect(audit[0]?.details).toMatchObject({ outcome: { count: 1, skippedIds: [missing] } });
  });

  it("skips jobs a worker holds locked", async () => {
    const admin = await newUser("gw-locked", { admin: true });
    const { job } = await documentJob("gw-locked-owner");
    await sql(
      "update graphile_worker._private_jobs set locked_at = now(), locked_by = 'w1' where key = $1",
      [job.id],
    );
    const result = await admin.caller.admin.jobs.complete({ jobIds: [job.id] });
    expect(result).toMatchObject({ count: 0, skippedIds: [job.id] });
    const [row] = await sql<{ status: string }>("select status from public.jobs where id = $1", [
      job.id,
    ]);
    expect(row?.status).toBe("queued");
  });
});

describe("admin.system and admin.audit", () => {
  it("starts reprocess-all and cleanup as tracked background jobs owned by the admin", async () => {
    const admin = await newUser("system", { admin: true });
    for (const [call, kind] of [
      [() => admin.caller.admin.system.reprocessAll(), "admin__reprocess_all"],
      [() => admin.caller.admin.system.cleanup(), "maintenance__cleanup"],
    ] as const) {
      const { jobId } = await call();
      const [row] = await sql<{ kind: string; owner_id: string; payload: unknown }>(
        "select kind, owner_id, payload from public.jobs where id = $1",
        [jobId],
      );
      expect(row).toEqual({ kind, owner_id: admin.id, payload: { jobId } });
      const queued = await sql("select task_identifier from graphile_worker.jobs where key = $1", [
        jobId,
      ]);
      expect(queued).toEqual([{ task_identifier: kind }]);
    }
    const audit = await admin.caller.admin.audit.list({ actorId: admin.id });
    expect(audit.items.map((row) => row.action).sort()).toEqual([
      "admin.system.cleanup",
      "admin.system.reprocessAll",
    ]);
    expect(audit.items.every((row) => row.target_type === "job")).toBe(true);
  });

  it("never audits reads, and filters the log by action", async () => {
    const admin = await newUser("auditor", { admin: true });
    await admin.caller.admin.jobs.list({});
    await admin.caller.admin.users.list({});
    expect((await admin.caller.admin.audit.list({ actorId: admin.id })).total).toBe(0);
    await admin.caller.admin.system.cleanup();
    const filtered = await admin.caller.admin.audit.list({
      actorId: admin.id,
      action: "admin.system.cleanup",
    });
    expect(filtered.total).toBe(1);
  });
});

describe("admin.system.overview", () => {
  it("counts users, documents, jobs and the queue", async () => {
    const admin = await newUser("overview", { admin: true });
    const before = await admin.caller.admin.system.overview();
    await documentJob("overview-owner");
    const after = await admin.caller.admin.system.overview();
    // Other test files run at the same time: counts only ever grow here.
    expect(after.users).toBeGreaterThanOrEqual(before.users + 1);
    expect(after.documents).toBeGreaterThanOrEqual(before.documents + 1);
    expect(after.jobsByStatus.queued ?? 0).toBeGreaterThanOrEqual(1);
    expect(after.queue).not.toBeNull();
    expect(after.queue?.pending ?? 0).toBeGreaterThanOrEqual(1);
    const [exact] = await sql<{ users: number }>("select count(*)::int as users from auth.users");
    expect(after.users).toBeLessThanOrEqual(exact?.users ?? 0);
  });
});
