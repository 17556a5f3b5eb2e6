import type { BenchContext } from "./context.ts";

/**
 * Sequential enqueues over one connection: the API path (`app_private.enqueue_job`: jobs row +
 * add_job in one transaction) against a bare `graphile_worker.add_job` loop. The jobs use a task
 * no worker runs and are deleted afterwards.
 */
export async function enqueueRates(
  ctx: BenchContext,
  n: number,
): Promise<{ api: number; raw: number }> {
  const client = await ctx.db.connect();
  try {
    const time = async (sql: string, params: unknown[]) => {
      const began = performance.now();
      for (let i = 0; i < n; i++) await client.query(sql, params);
      return n / ((performance.now() - began) / 1000);
    };
    const raw = await time("select graphile_worker.add_job('bench__enqueue', '{}'::json)", []);
    const api = await time(
      "select app_private.enqueue_job($1, 'bench__enqueue', '{}'::jsonb, null, null, 5)",
      [ctx.owner],
    );
    return { api, raw };
  } finally {
    await client.query("delete from public.jobs where kind = 'bench__enqueue'");
    await client.query(
      "delete from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = 'bench__enqueue')",
    );
    client.release();
  }
}
