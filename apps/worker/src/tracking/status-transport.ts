import type { TypedSupabaseClient } from "@docket/supabase";
import type pg from "pg";
import { z } from "zod";
import type { JobPatch } from "./status-writer.ts";

const rowState = z.object({
  id: z.uuid(),
  status: z.string(),
  cancel_requested_at: z.union([z.string(), z.date()]).nullable(),
  request_id: z.string().nullable(),
  result: z.unknown(),
  applied: z.boolean(),
  /** False: the state after the element's own patch; true: after its chained end. */
  chained: z.boolean(),
});
export type JobRowState = z.infer<typeof rowState>;

/** A patch as sent: a start may carry the job's end, applied right after it in the same call. */
export type WirePatch = JobPatch & { end?: JobPatch };

/** Sends one batch of patches to `worker_apply_job_updates` and returns the rows' states. */
export type StatusTransport = (patches: WirePatch[]) => Promise<JobRowState[]>;

/** Through the Data API with the secret-key client (the default: the contract's write path). */
export function dataApiTransport(client: TypedSupabaseClient): StatusTransport {
  return async (patches) => {
    const { data, error } = await client.rpc("worker_apply_job_updates", {
      p_updates: patches as never,
    });
    if (error) throw new Error(`Job status write failed: ${error.message}`);
    return z.array(rowState).parse(data);
  };
}

/**
 * Straight over the worker's own Postgres connection: the same SQL function without the HTTP
 * hop. For deployments that prefer it and for benchmarks that measure the hop's cost.
 */
export function sqlTransport(pool: pg.Pool): StatusTransport {
  return async (patches) => {
    const { rows } = await pool.query("select * from public.worker_apply_job_updates($1::jsonb)", [
      JSON.stringify(patches),
    ]);
    return z.array(rowState).parse(rows);
  };
}
