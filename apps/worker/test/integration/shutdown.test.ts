import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { spawnWorker } from "../../src/testing/spawn-worker.ts";
import {
  asServiceRole,
  connect,
  createUser,
  enqueueDocument,
  getJob,
  insertTextDocument,
  queuedJob,
  waitForJob,
} from "../support/db.ts";

const stack = inject("stack");
const db = connect(stack.dbUrl);
const connection = {
  databaseUrl: stack.dbUrl,
  supabaseUrl: stack.apiUrl,
  secretKey: stack.secretKey,
};
let owner: string;

beforeAll(async () => {
  owner = await createUser(db);
});
afterAll(async () => {
  await db.end();
});

describe("SIGTERM", () => {
  it("drains: a job longer than the drain window is released at its next step boundary", async () => {
    const child = await spawnWorker(
      { ...connection, concurrency: 4, shutdownTimeoutMs: 1500 },
      { steps: 300, stepMs: 20 },
    );
    const documentId = await insertTextDocument(db, owner, "Long", "text");
    const jobId = await enqueueDocument(db, owner, documentId);
    await waitForJob(db, jobId, (r) => r.status === "running" && r.progress > 0);

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    // graphile-worker shuts down gracefully, then re-raises the signal to exit.
    const [code, signal] = await exited;
    expect(code === 0 || signal === "SIGTERM").toBe(true);

    // The job outlived the drain window: it was aborted at a step boundary and handed back.
    const row = await getJob(db, jobId);
    expect(row.status).toBe("queued");
    expect(row.last_error).toMatch(/shutting down/);
    const queued = await queuedJob(db, jobId);
    expect(queued?.locked_by).toBeNull();
    // Leave nothing queued for the next file's workers.
    await asServiceRole(db, "select public.cancel_job($1)", [jobId]);
    expect((await getJob(db, jobId)).status).toBe("cancelled");
  });
});
