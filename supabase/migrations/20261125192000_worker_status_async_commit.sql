-- Batches of job status writes that carry no final state (running, progress, queued-for-retry)
-- commit asynchronously: they no longer wait for a disk sync, which was most of a tracked job's
-- overhead. A Postgres crash can lose at most the last few hundred milliseconds of such writes,
-- and the next write of the job repeats them. Batches with a final state (succeeded, failed,
-- cancelled) keep synchronous commit: that is the history users and admins rely on.
create or replace function public.worker_apply_job_updates(p_updates jsonb)
returns table (
  id uuid,
  status text,
  cancel_requested_at timestamptz,
  request_id text,
  result jsonb,
  applied boolean
)
language plpgsql
volatile
set search_path = ''
as $$
begin
  if not exists (
    select 1 from pg_catalog.jsonb_array_elements(p_updates) as e
    where e ->> 'status' in ('succeeded', 'failed', 'cancelled')
  ) then
    -- is_local = true: lasts until the end of the caller's transaction, i.e. covers its commit.
    perform pg_catalog.set_config('synchronous_commit', 'off', true);
  end if;

  return query
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
end;
$$;
