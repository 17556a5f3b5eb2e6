import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { slowTask } from "../../src/testing/slow-task.ts";
import { spawnWorker } from "../../src/testing/spawn-worker.ts";
import {
  connect,
  createUser,
  enqueueDocument,
  finished,
  getJob,
  insertTextDocument,
  waitForJob,
} from "../support/db.ts";
import { startTestWorker } from "../support/worker.ts";

const stack = inject("stack");
const db = connect(stack.dbUrl);
const connection = {
  databaseUrl: stack.dbUrl,
  supabaseUrl: stack.apiUrl,
  secretKey: stack.secretKey,
  statusVia: "sql" as const,
};
let owner: string;

beforeAll(async () => {
  owner = await createUser(db);
});
afterAll(async () => {
  await db.end();
});

describe("crash recovery", () => {
  it("a SIGKILLed worker's running jobs are unlocked and finished by another worker", async () => {
    const fast = { heartbeatIntervalMs: 500, deadAfterMs: 3000, pollIntervalMs: 200 };
    // More slots than jobs (jobs other files left queued may take some) and jobs far longer than
    // the test, so every one of ours is mid-run when the worker is killed.
    const child = await spawnWorker(
      { ...connection, ...fast, concurrency: 16 },
      { steps: 600, stepMs: 100 },
    );
    const jobIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const documentId = await insertTextDocument(db, owner, `Crash ${i}`, "text");
      jobIds.push(await enqueueDocument(db, owner, documentId));
    }
    for (const id of jobIds)
      await waitForJob(db, id, (r) => r.status === "running" && r.progress > 0);
    const { rows: held } = await db.query(
      "select distinct locked_by from graphile_worker.jobs where key = any($1)",
      [jobIds],
    );
    expect(held).toHaveLength(1);

    child.kill("SIGKILL");
    const killedAt = Date.now();
    const survivor = await startTestWorker(fast, {
      extraTasks: slowTask({ steps: 3, stepMs: 50 }),
    });
    try {
      const rows = await Promise.all(jobIds.map((id) => waitForJob(db, id, finished, 30_000)));
      const recoveredMs = Date.now() - killedAt;
      expect(rows.map((r) => r.status)).toEqual([
        "succeeded",
        "succeeded",
        "succeeded",
        "succeeded",
      ]);
      // Each ran twice (killed attempt + the rerun), was finished once, by the survivor.
      expect(rows.map((r) => r.attempts)).toEqual([2, 2, 2, 2]);
      expect(rows.map((r) => (r.result as { pid: number }).pid)).toEqual(
        rows.map(() => process.pid),
      );
      // Bound: dead after 3 s + one heartbeat interval + the rerun itself.
      expect(recoveredMs).toBeLessThan(10_000);
      expect(survivor.logs.some((l) => l.msg === "unlocked jobs of dead workers")).toBe(true);
      // graphile-worker completes in batches, so its queue rows may go a moment after the status.
      await expect
        .poll(
          async () =>
            (
              await db.query(
                "select count(*)::int as n from graphile_worker.jobs where key = any($1)",
                [jobIds],
              )
            ).rows[0].n,
          { timeout: 5_000, interval: 100 },
        )
        .toBe(0);
      expect((await getJob(db, jobIds[0] ?? "")).last_error).toBeNull();
    } finally {
      await survivor.stop();
    }
  });
});
