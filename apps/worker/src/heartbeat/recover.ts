import type { PoolClient } from "pg";

/**
 * Pools that hold locks but have no fresh heartbeat are dead: graphile-worker would keep their
 * jobs locked for 4 hours. A lock holder that never wrote a heartbeat (a worker started without
 * Docket's preset) is only judged once its oldest lock is older than the same bound.
 */
const FIND_DEAD_SQL = `
with holders as (
  select locked_by as id, min(locked_at) as since from graphile_worker._private_jobs
  where locked_by is not null group by locked_by
  union all
  select locked_by, min(locked_at) from graphile_worker._private_job_queues
  where locked_by is not null group by locked_by
)
select h.id
from holders as h
left join app_private.worker_heartbeats as b on b.worker_id = h.id
group by h.id, b.last_seen_at
having (b.last_seen_at is not null and b.last_seen_at < now() - $1::interval)
    or (b.last_seen_at is null and min(h.since) < now() - $1::interval)`;

/** Unlocks the jobs of dead pools (graphile-worker's force_unlock_workers); returns their ids. */
export async function recoverDeadWorkers(
  client: PoolClient,
  deadAfterMs: number,
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(FIND_DEAD_SQL, [
    `${deadAfterMs} milliseconds`,
  ]);
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  await client.query("select graphile_worker.force_unlock_workers($1::text[])", [ids]);
  await client.query(
    "delete from app_private.worker_heartbeats where worker_id = any($1::text[])",
    [ids],
  );
  // Wake idle pools now rather than at their next poll.
  await client.query(`select pg_notify('jobs:insert', '{"r":1,"count":1}')`);
  return ids;
}

export async function beat(
  client: PoolClient,
  workerId: string,
  hostname: string,
  pid: number,
): Promise<void> {
  await client.query(
    `insert into app_private.worker_heartbeats (worker_id, hostname, pid) values ($1, $2, $3)
     on conflict (worker_id) do update set last_seen_at = now()`,
    [workerId, hostname, pid],
  );
}

export async function forget(client: PoolClient, workerId: string): Promise<void> {
  await client.query("delete from app_private.worker_heartbeats where worker_id = $1", [workerId]);
}
