-- A job that ends before its 'running' write has left the worker (a no-op, a job shorter than
-- the batch window) sends start and end in one call: the element carries its end under "end".
-- The function applies every element first, then every "end" in a second statement, so a job
-- still passes through running (started_at set) before succeeded / failed / queued. An end
-- applies only if the row is still unfinished and no cancel was requested: a job whose start
-- should have stopped it is left for the worker to record as skipped or cancelled, as it does
-- when it sees the start's answer first. Each input id comes back once per part: chained = false
-- for the element itself, true for its end.
--
-- The stored result travels back only with a 'running' write (a retry resumes from it); progress
-- and end writes do not need it, and a large result would only be echoed.
--
-- Every statement finds the batch's rows through the primary key (`id = any(v_ids)`): joined to
-- jsonb alone (which the planner takes for 100 rows) it scanned all of public.jobs per call.
drop function public.worker_apply_job_updates(jsonb);

create function public.worker_apply_job_updates(p_updates jsonb)
returns table (
  id uuid,
  status text,
  cancel_requested_at timestamptz,
  request_id text,
  result jsonb,
  applied boolean,
  chained boolean
)
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_final boolean;
  v_ends boolean;
  v_chained boolean;
begin
  select
    pg_catalog.array_agg((e ->> 'id')::uuid),
    coalesce(pg_catalog.bool_or(e ->> 'status' in ('succeeded', 'failed', 'cancelled')
      or e -> 'end' ->> 'status' in ('succeeded', 'failed', 'cancelled')), false),
    coalesce(pg_catalog.bool_or(e ? 'end'), false)
  into v_ids, v_final, v_ends
  from pg_catalog.jsonb_array_elements(p_updates) as e;
  if not v_final then
    -- Nothing final: commit asynchronously (see 20261125192000_worker_status_async_commit.sql).
    perform pg_catalog.set_config('synchronous_commit', 'off', true);
  end if;

  foreach v_chained in array case when v_ends then array[false, true] else array[false] end loop
    -- Each statement sees the previous one's changes: the "end" parts apply on the started rows.
    return query
    with u as (
      select x.*
      from pg_catalog.jsonb_array_elements(p_updates) as e,
        pg_catalog.jsonb_to_record(
          case when v_chained then (e -> 'end') || pg_catalog.jsonb_build_object('id', e -> 'id')
          else e end
        ) as x(
          id uuid, status text, progress smallint, attempts integer, last_error text,
          clear_error boolean, result jsonb, document_status text
        )
      where not v_chained or e ? 'end'
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
      where j.id = any(v_ids) and j.id = u.id and j.status not in ('succeeded', 'failed', 'cancelled')
        and (not v_chained or j.cancel_requested_at is null)
      returning j.id, j.status, j.cancel_requested_at, j.request_id,
        case when u.status = 'running' then j.result end as result, j.document_id
    ), documents as (
      update public.documents as d
      set status = u.document_status
      from u
      join changed as c on c.id = u.id
      where d.id = any(array(select c.document_id from changed as c))
        and u.document_status is not null and d.id = c.document_id
      returning d.id
    )
    select c.id, c.status, c.cancel_requested_at, c.request_id, c.result, true, v_chained
    from changed as c
    union all
    select j.id, j.status, j.cancel_requested_at, j.request_id,
      case when u.status = 'running' then j.result end, false, v_chained
    from public.jobs as j
    join u on u.id = j.id
    where j.id = any(v_ids) and not exists (select 1 from changed as c where c.id = j.id);
  end loop;
end;
$$;
comment on function public.worker_apply_job_updates(jsonb) is
  'Worker only (secret key): applies a batch of job status/progress transitions.';
revoke execute on function public.worker_apply_job_updates(jsonb) from public, anon, authenticated;
grant execute on function public.worker_apply_job_updates(jsonb) to service_role;
