import { enqueueJob } from "@docket/jobs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, createUser } from "../support/db.ts";

const stack = inject("stack");
const db = connect(stack.dbUrl);
let owner: string;

beforeAll(async () => {
  owner = await createUser(db);
});
afterAll(async () => {
  await db.end();
});

async function counts(jobId: string) {
  const { rows } = await db.query<{ tracked: number; queued: number }>(
    `select (select count(*)::int from public.jobs where id = $1) as tracked,
            (select count(*)::int from graphile_worker.jobs where key = $1::text) as queued`,
    [jobId],
  );
  return rows[0];
}

describe("enqueue atomicity", () => {
  it("creates the jobs row and the graphile-worker job together", async () => {
    const jobId = await enqueueJob(db, { ownerId: owner, kind: "maintenance__cleanup", input: {} });
    expect(await counts(jobId)).toEqual({ tracked: 1, queued: 1 });
    await db.query("delete from public.jobs where id = $1", [jobId]);
  });

  it("a failing jobs insert leaves no queued job", async () => {
    const before = await db.query("select count(*)::int as n from graphile_worker.jobs");
    // owner_id references auth.users: an unknown owner makes the row insert fail.
    await expect(
      enqueueJob(db, { ownerId: crypto.randomUUID(), kind: "maintenance__cleanup", input: {} }),
    ).rejects.toThrow(/foreign key/);
    const after = await db.query("select count(*)::int as n from graphile_worker.jobs");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("a failing add_job leaves no jobs row", async () => {
    const locker = await db.connect();
    const caller = await db.connect();
    try {
      const before = await caller.query(
        "select count(*)::int as n from public.jobs where owner_id = $1",
        [owner],
      );
      // Hold graphile-worker's jobs table so add_job times out after the row insert succeeded.
      await locker.query("begin");
      await locker.query("lock table graphile_worker._private_jobs in access exclusive mode");
      await caller.query("set lock_timeout = '300ms'");
      await expect(
        enqueueJob(caller, { ownerId: owner, kind: "maintenance__cleanup", input: {} }),
      ).rejects.toThrow(/lock timeout/);
      await locker.query("rollback");
      const after = await caller.query(
        "select count(*)::int as n from public.jobs where owner_id = $1",
        [owner],
      );
      expect(after.rows[0].n).toBe(before.rows[0].n);
    } finally {
      await locker.query("rollback").catch(() => {});
      await caller.query("reset lock_timeout");
      locker.release();
      caller.release();
    }
  });
});
