-- The worker's side of the jobs contract.
--
-- 1. public.worker_apply_job_updates: applies a batch of job-status transitions (collected across
--    concurrent jobs for a few milliseconds) in one statement, so tracking status costs one round
--    trip per batch instead of several per job. Called with the secret key only.
-- 2. app_private.worker_heartbeats: one row per live graphile-worker pool, refreshed every few
--    seconds, so a crashed worker's locked jobs can be force-unlocked within seconds instead of
--    waiting for graphile-worker's 4-hour lock timeout.

-- Each element: {"id": uuid, "status"?: text, "progress"?: 0..100, "attempts"?: int,
-- "last_error"?: text, "clear_error"?: bool, "result"?: jsonb, "document_status"?: text}.
-- Finished rows (succeeded, failed, cancelled) are never changed: a late write from a worker
-- that lost its lock, or a run that started after a cancel, cannot resurrect them. Every input id
-- comes back with the row's current status and cancel request, and whether the update applied.
create function public.worker_apply_job_updates(p_updates jsonb)
returns table (
  id uuid,
  status text,
  cancel_requested_at timestamptz,
  request_id text,
  result jsonb,
  applied boolean
)
language sql
volatile
set search_path = ''
as $$
  with u as (
    select *
    from pg_catalog.jsonb_to_recordset(p_updates) as x(
      id uuid, status text, progress smallint, attempts integer, last_error text,
      clear_error boolean, result jsonb, document_status text
    )
  ), changed as (
    update public.jobs as j
    set status = coalesce(u.status, j.status),
        progress = coalesce(u.progress, j.progress),
        attempts = coalesce(u.attempts, j.attempts),
        last_error = case when u.clear_error then null else coalesce(u.last_error, j.last_error) end,
        result = coalesce(u.result, j.result),
        started_at = case
          when u.status = 'running' and j.status <> 'running' then pg_catalog.now()
          else j.started_at end,
        finished_at = case
          when u.status in ('succeeded', 'failed', 'cancelled') then pg_catalog.now()
          when u.status in ('queued', 'running') then null
          else j.finished_at end
    from u
    where j.id = u.id and j.status not in ('succeeded', 'failed', 'cancelled')
    returning j.id, j.status, j.cancel_requested_at, j.request_id, j.result, j.document_id
  ), documents as (
    update public.documents as d
    set status = u.document_status
    from u
    join changed as c on c.id = u.id
    where u.document_status is not null and d.id = c.document_id
    returning d.id
  )
  select c.id, c.status, c.cancel_requested_at, c.request_id, c.result, true
  from changed as c
  union all
  select j.id, j.status, j.cancel_requested_at, j.request_id, j.result, false
  from public.jobs as j
  join u on u.id = j.id
  where not exists (select 1 from changed as c where c.id = j.id);
$$;
comment on function public.worker_apply_job_updates(jsonb) is
  'Worker only (secret key): applies a batch of job status/progress transitions.';
revoke execute on function public.worker_apply_job_updates(jsonb) from public, anon, authenticated;
grant execute on function public.worker_apply_job_updates(jsonb) to service_role;

create table app_private.worker_heartbeats (
  worker_id text primary key,
  hostname text not null,
  pid integer not null,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
comment on table app_private.worker_heartbeats is
  'Live graphile-worker pools (locked_by ids); a row older than the dead-after bound means a dead worker.';
revoke all on table app_private.worker_heartbeats from public;
