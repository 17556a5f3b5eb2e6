-- Enqueueing: a public.jobs row and its graphile-worker job are always created (or re-queued)
-- in one transaction, with the graphile-worker job_key = jobs.id so cancel and the admin
-- wrappers can find it. graphile_worker's schema is installed by graphile-worker itself after
-- these migrations, so only plpgsql (late-bound) bodies reference it.

create function app_private.enqueue_job(
  p_owner_id uuid,
  p_kind text,
  p_payload jsonb default '{}'::jsonb,
  p_document_id uuid default null,
  p_request_id text default null,
  p_max_attempts integer default 5
) returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_id uuid := pg_catalog.gen_random_uuid();
  v_payload jsonb;
begin
  if p_owner_id is null then
    raise sqlstate 'PT400' using message = 'A job needs an owner';
  end if;
  if p_kind is null or p_kind !~ '^[a-z][a-z0-9_]*__[a-z][a-z0-9_]*$' then
    raise sqlstate 'PT400' using message = 'Invalid job kind';
  end if;
  if pg_catalog.jsonb_typeof(coalesce(p_payload, '{}'::jsonb)) <> 'object' then
    raise sqlstate 'PT400' using message = 'A job payload must be a JSON object';
  end if;
  v_payload := coalesce(p_payload, '{}'::jsonb) || pg_catalog.jsonb_build_object('jobId', v_id);

  insert into public.jobs (id, owner_id, document_id, kind, payload, request_id, max_attempts)
  values (v_id, p_owner_id, p_document_id, p_kind, v_payload, p_request_id, coalesce(p_max_attempts, 5));

  perform graphile_worker.add_job(
    p_kind,
    v_payload::json,
    job_key => v_id::text,
    max_attempts => coalesce(p_max_attempts, 5)
  );
  return v_id;
end;
$$;
revoke execute on function app_private.enqueue_job(uuid, text, jsonb, uuid, text, integer) from public;

-- Puts an existing job row back in the queue (retry): resets its tracking columns and adds the
-- graphile-worker job again under the same key ('replace' mode resets a failed one in place).
create function app_private.requeue_job(p_job public.jobs) returns public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_job public.jobs;
begin
  update public.jobs
  set status = 'queued', progress = 0, attempts = 0, last_error = null, result = null,
      cancel_requested_at = null, started_at = null, finished_at = null
  where id = p_job.id
  returning * into v_job;

  perform graphile_worker.add_job(
    v_job.kind,
    v_job.payload::json,
    job_key => v_job.id::text,
    max_attempts => v_job.max_attempts
  );

  if v_job.kind = 'document__process' and v_job.document_id is not null then
    update public.documents set status = 'queued' where id = v_job.document_id;
  end if;
  return v_job;
end;
$$;
revoke execute on function app_private.requeue_job(public.jobs) from public;

-- True when the request carries the secret key (the Data API sets the service_role claims).
create function app_private.is_service_role() returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'role',
    ''
  ) = 'service_role';
$$;
revoke execute on function app_private.is_service_role() from public;

-- Finds a job the caller may act on and locks it: its owner, or anyone with the secret key.
-- Someone else's job is reported exactly like a missing one.
create function app_private.lock_job_for_caller(p_job_id uuid) returns public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_service boolean := app_private.is_service_role();
  v_job public.jobs;
begin
  if v_uid is null and not v_service then
    raise sqlstate 'PT401' using message = 'Sign in first';
  end if;
  select * into v_job from public.jobs
  where id = p_job_id and (v_service or owner_id = v_uid)
  for update;
  if not found then
    raise sqlstate 'PT404' using message = 'Job not found';
  end if;
  return v_job;
end;
$$;
revoke execute on function app_private.lock_job_for_caller(uuid) from public;
