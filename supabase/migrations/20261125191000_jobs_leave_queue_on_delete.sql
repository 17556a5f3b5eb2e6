-- Deleting a jobs row (directly, or by cascade when its document or owner is deleted) takes
-- its graphile-worker job out of the queue in the same transaction, so no worker later picks
-- up work whose tracking row is gone. A job a worker holds locked is stopped from retrying
-- (graphile-worker's remove_job semantics); the task finds no row and ends.
create function app_private.tg_jobs_remove_queued_job() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- graphile-worker installs its schema after the migrations; before that there is no queue.
  if pg_catalog.to_regprocedure('graphile_worker.remove_job(text)') is not null then
    perform graphile_worker.remove_job(old.id::text);
  end if;
  return old;
end;
$$;
revoke execute on function app_private.tg_jobs_remove_queued_job() from public;

create trigger jobs_remove_queued_job
  after delete on public.jobs
  for each row execute function app_private.tg_jobs_remove_queued_job();
