import pg from "pg";
import { defaultConfig, type WorkerConfig } from "../../config.ts";

export interface StackConnection {
  apiUrl: string;
  dbUrl: string;
  secretKey: string;
}

/** What every benchmark section gets: a pool, an owner for jobs, and the worker config base. */
export interface BenchContext {
  db: pg.Pool;
  owner: string;
  config(overrides?: Partial<WorkerConfig>): WorkerConfig;
}

export async function benchContext(stack: StackConnection): Promise<BenchContext> {
  const db = new pg.Pool({ connectionString: stack.dbUrl, max: 6 });
  const { rows } = await db.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at,
       confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
       'bench-' || gen_random_uuid() || '@docket.test', '', now(), now(), '', '', '', '') returning id`,
  );
  const owner = rows[0]?.id ?? "";
  return {
    db,
    owner,
    config: (overrides = {}) =>
      defaultConfig({
        databaseUrl: stack.dbUrl,
        supabaseUrl: stack.apiUrl,
        secretKey: stack.secretKey,
        logLevel: "error",
        ...overrides,
      }),
  };
}

export const silentSink = () => {};

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Makes queued jobs of one task runnable at once and wakes the workers. */
export async function releaseHeld(db: pg.Pool, identifier: string, count: number): Promise<void> {
  await db.query(
    `update graphile_worker._private_jobs set run_at = now()
     where task_id = (select id from graphile_worker._private_tasks where identifier = $1)`,
    [identifier],
  );
  await db.query("select pg_notify('jobs:insert', $1)", [JSON.stringify({ count })]);
}

/** Pushes every queued job of a task an hour into the future, so a run can start on cue. */
export async function holdAll(db: pg.Pool, identifier: string): Promise<void> {
  await db.query(
    `update graphile_worker._private_jobs set run_at = now() + interval '1 hour'
     where task_id = (select id from graphile_worker._private_tasks where identifier = $1)`,
    [identifier],
  );
}
