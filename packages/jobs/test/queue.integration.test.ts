import { type RunningStack, startTestStack } from "@docket/supabase-local/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, InvalidJobPayloadError, installQueueSchema } from "../src/index.ts";

// The helpers against a real database built from supabase/migrations.
let stack: RunningStack;
let pool: pg.Pool;
const DEMO_USER = "5eed0000-de30-4000-8000-000000000001";

beforeAll(async () => {
  stack = await startTestStack();
  pool = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await stack?.stop();
});

describe("installQueueSchema", () => {
  it("installs graphile-worker's schema, can run again, and keeps it away from API roles", async () => {
    await installQueueSchema(stack.dbUrl);
    // Even a careless manual grant is undone by the next install.
    await pool.query("grant usage on schema graphile_worker to anon, authenticated");
    await installQueueSchema(stack.dbUrl);
    const { rows } = await pool.query(
      `select has_schema_privilege('anon', 'graphile_worker', 'usage') as anon,
              has_schema_privilege('authenticated', 'graphile_worker', 'usage') as authenticated`,
    );
    expect(rows).toEqual([{ anon: false, authenticated: false }]);
  });
});

describe("enqueueJob", () => {
  it("creates the jobs row and the graphile-worker job in one go", async () => {
    await installQueueSchema(stack.dbUrl);
    const id = await enqueueJob(pool, {
      ownerId: DEMO_USER,
      kind: "notification__send",
      input: { userId: DEMO_USER, kind: "welcome", title: "Hi", body: "Welcome" },
      requestId: "req-42",
      maxAttempts: 3,
    });
    const row = await pool.query(
      "select kind, status, payload, request_id, max_attempts from public.jobs where id = $1",
      [id],
    );
    expect(row.rows).toEqual([
      {
        kind: "notification__send",
        status: "queued",
        payload: { userId: DEMO_USER, kind: "welcome", title: "Hi", body: "Welcome", jobId: id },
        request_id: "req-42",
        max_attempts: 3,
      },
    ]);
    const queued = await pool.query(
      "select task_identifier, max_attempts from graphile_worker.jobs where key = $1",
      [id],
    );
    expect(queued.rows).toEqual([{ task_identifier: "notification__send", max_attempts: 3 }]);
  });

  it("writes nothing when the database refuses the job", async () => {
    await installQueueSchema(stack.dbUrl);
    const before = await pool.query("select count(*)::int as n from public.jobs");
    // An owner that does not exist violates the foreign key after add_job would have run.
    await expect(
      enqueueJob(pool, {
        ownerId: "0d6e1f2a-3b4c-4d5e-8f60-718293a4b5c6",
        kind: "maintenance__cleanup",
        input: {},
      }),
    ).rejects.toThrow(/foreign key/);
    const after = await pool.query("select count(*)::int as n from public.jobs");
    expect(after.rows[0]).toEqual(before.rows[0]);
    const orphans = await pool.query(
      "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'maintenance__cleanup'",
    );
    expect(orphans.rows[0]).toEqual({ n: 0 });
  });

  it("validates the input before reaching the database", async () => {
    await expect(
      enqueueJob(pool, {
        ownerId: DEMO_USER,
        kind: "notification__send",
        input: { userId: DEMO_USER } as never,
      }),
    ).rejects.toBeInstanceOf(InvalidJobPayloadError);
  });
});
