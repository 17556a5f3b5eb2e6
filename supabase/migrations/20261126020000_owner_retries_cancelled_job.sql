-- An owner may retry their own cancelled job, as they may a failed one: cancelling is a pause the
-- owner can undo, not a dead end (before, only the secret key could re-queue a cancelled job).
-- Every other check is as before: lock_job_for_caller finds only the caller's own job (anyone's
-- with the secret key) and raises PT404 otherwise; a queued, running or succeeded job is PT409.
-- The signature is unchanged, so the grants of 20261125183800 stay as they are.
create or replace function public.retry_job(p_job_id uuid) returns public.jobs
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_job public.jobs := app_private.lock_job_for_caller(p_job_id);
begin
  if v_job.status in ('failed', 'cancelled') then
    return app_private.requeue_job(v_job);
  end if;
  raise sqlstate 'PT409' using message = 'Only a failed or cancelled job can be retried',
    detail = 'status: ' || v_job.status;
end;
$$;
