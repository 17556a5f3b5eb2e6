-- Admin operations on jobs, callable only with the secret key (execute granted to service_role
-- alone). They wrap graphile-worker's own admin functions, translating jobs.id to its job_key,
-- and keep public.jobs in step. graphile-worker skips jobs a worker holds locked, so only the
-- rows it actually changed are updated and returned.

-- graphile-worker ids of the queued jobs behind some public.jobs ids.
create function app_private.queue_ids_for(p_job_ids uuid[]) returns bigint[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_ids bigint[];
begin
  select coalesce(pg_catalog.array_agg(q.id), '{}') into v_ids
  from graphile_worker.jobs as q
  where q.key = any (select pg_catalog.unnest(p_job_ids)::text);
  return v_ids;
end;
$$;
revoke execute on function app_private.queue_ids_for(uuid[]) from public;

-- Marks jobs as done without running them (graphile-worker's completeJobs).
create function public.admin_complete_jobs(p_job_ids uuid[]) returns setof public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  return query
  with done as (
    select c.key from graphile_worker.complete_jobs(app_private.queue_ids_for(p_job_ids)) as c
  )
  update public.jobs as j
  set status = 'succeeded', progress = 100, finished_at = pg_catalog.now()
  from done
  where j.id::text = done.key
  returning j.*;
end;
$$;

-- Fails jobs for good, with a reason (graphile-worker's permanentlyFailJobs).
create function public.admin_permanently_fail_jobs(
  p_job_ids uuid[],
  p_error_message text default null
) returns setof public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_message text := coalesce(nullif(pg_catalog.btrim(p_error_message), ''),
                             'Manually marked as failed');
begin
  return query
  with failed as (
    select f.key, f.attempts
    from graphile_worker.permanently_fail_jobs(app_private.queue_ids_for(p_job_ids), v_message) as f
  )
  update public.jobs as j
  set status = 'failed', last_error = v_message, finished_at = pg_catalog.now()
  from failed
  where j.id::text = failed.key
  returning j.*;
end;
$$;

-- Changes when and how often queued jobs run (graphile-worker's rescheduleJobs).
create function public.admin_reschedule_jobs(
  p_job_ids uuid[],
  p_run_at timestamptz default null,
  p_priority integer default null,
  p_attempts integer default null,
  p_max_attempts integer default null
) returns setof public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_max_attempts is not null and p_max_attempts not between 1 and 25 then
    raise sqlstate 'PT400' using message = 'max_attempts must be between 1 and 25';
  end if;
  if p_attempts is not null and p_attempts < 0 then
    raise sqlstate 'PT400' using message = 'attempts must not be negative';
  end if;
  return query
  with moved as (
    select r.key, r.attempts, r.max_attempts
    from graphile_worker.reschedule_jobs(
      app_private.queue_ids_for(p_job_ids),
      run_at => p_run_at, priority => p_priority,
      attempts => p_attempts, max_attempts => p_max_attempts
    ) as r
  )
  update public.jobs as j
  set status = 'queued', attempts = moved.attempts, max_attempts = moved.max_attempts,
      finished_at = null
  from moved
  where j.id::text = moved.key
  returning j.*;
end;
$$;

-- Re-queues every failed job (optionally of one kind), oldest first, at most p_limit of them.
create function public.admin_retry_failed_jobs(
  p_kind text default null,
  p_limit integer default 500
) returns setof public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_job public.jobs;
begin
  if p_limit is null or p_limit not between 1 and 5000 then
    raise sqlstate 'PT400' using message = 'limit must be between 1 and 5000';
  end if;
  for v_job in
    select * from public.jobs
    where status = 'failed' and (p_kind is null or kind = p_kind)
    order by created_at
    limit p_limit
    for update skip locked
  loop
    return next app_private.requeue_job(v_job);
  end loop;
end;
$$;

-- Starts a system-wide background job (reprocess everything, cleanup) owned by the admin who
-- asked, so it shows up in their job list too.
create function public.admin_start_system_job(
  p_kind text,
  p_owner_id uuid,
  p_request_id text default null
) returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_kind not in ('admin__reprocess_all', 'maintenance__cleanup') then
    raise sqlstate 'PT400' using message = 'Not a system job kind';
  end if;
  return app_private.enqueue_job(p_owner_id, p_kind, '{}'::jsonb, null, p_request_id, 3);
end;
$$;

-- Job counts per hour, kind and status over a window of at most 31 days.
create function public.admin_job_stats(
  p_since timestamptz,
  p_until timestamptz default now()
) returns table (bucket timestamptz, kind text, status text, count bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_since is null or p_until is null or p_until <= p_since
     or p_until - p_since > interval '31 days' then
    raise sqlstate 'PT400' using message = 'The window must be positive and at most 31 days';
  end if;
  return query
  select pg_catalog.date_trunc('hour', j.created_at), j.kind, j.status, pg_catalog.count(*)
  from public.jobs as j
  where j.created_at >= p_since and j.created_at < p_until
  group by 1, 2, 3
  order by 1, 2, 3;
end;
$$;

do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'public.admin_complete_jobs(uuid[])',
    'public.admin_permanently_fail_jobs(uuid[], text)',
    'public.admin_reschedule_jobs(uuid[], timestamptz, integer, integer, integer)',
    'public.admin_retry_failed_jobs(text, integer)',
    'public.admin_start_system_job(text, uuid, text)',
    'public.admin_job_stats(timestamptz, timestamptz)'
  ] loop
    execute pg_catalog.format('revoke execute on function %s from public, anon, authenticated', v_fn);
    execute pg_catalog.format('grant execute on function %s to service_role', v_fn);
  end loop;
end;
$$;
