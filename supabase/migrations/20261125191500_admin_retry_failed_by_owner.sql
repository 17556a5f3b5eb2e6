-- Bulk retry can be narrowed to one user's jobs (e.g. after fixing what broke for them).
drop function public.admin_retry_failed_jobs(text, integer);

create function public.admin_retry_failed_jobs(
  p_kind text default null,
  p_limit integer default 500,
  p_owner_id uuid default null
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
    where status = 'failed'
      and (p_kind is null or kind = p_kind)
      and (p_owner_id is null or owner_id = p_owner_id)
    order by created_at
    limit p_limit
    for update skip locked
  loop
    return next app_private.requeue_job(v_job);
  end loop;
end;
$$;

revoke execute on function public.admin_retry_failed_jobs(text, integer, uuid) from public, anon, authenticated;
grant execute on function public.admin_retry_failed_jobs(text, integer, uuid) to service_role;
