// Every Auth write runs in one transaction as `supabase_auth_admin`, the role GoTrue connects as:
// app triggers on auth.users then run with the same privileges as on Supabase, and a failure
// anywhere (a trigger included) leaves nothing half-written.
import type pg from "pg";

export type Db = pg.PoolClient;

export async function withTx<T>(pool: pg.Pool, work: (db: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    // One round trip for all three statements (simple query protocol, no parameters).
    // A lock held longer than 5 s (e.g. a stuck refresh of the same session) fails the request.
    await client.query(
      "begin; set local role supabase_auth_admin; set local search_path = auth; set local lock_timeout = '5s'",
    );
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Postgres unique_violation, e.g. two signups racing for one e-mail. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === "23505" && (constraint === undefined || e.constraint === constraint);
}
