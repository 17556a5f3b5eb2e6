-- One round trip for the admin dashboard's overview: counts of users, documents and jobs, recent
-- failures, and the depth of graphile-worker's queue (which the Data API cannot reach itself).
-- service_role only.
create function public.admin_overview() returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_queue jsonb;
begin
  -- graphile-worker installs its schema after the migrations: read it only once it exists.
  if pg_catalog.to_regclass('graphile_worker.jobs') is not null then
    execute $q$
      select pg_catalog.jsonb_build_object(
        'pending', pg_catalog.count(*) filter (where locked_at is null and attempts < max_attempts),
        'due', pg_catalog.count(*) filter (
          where locked_at is null and attempts < max_attempts and run_at <= pg_catalog.now()),
        'locked', pg_catalog.count(*) filter (where locked_at is not null),
        'exhausted', pg_catalog.count(*) filter (where attempts >= max_attempts)
      )
      from graphile_worker.jobs
    $q$ into v_queue;
  end if;

  return pg_catalog.jsonb_build_object(
    'users', (select pg_catalog.count(*) from auth.users),
    'documents', (select pg_catalog.count(*) from public.documents),
    'documentsByStatus', (
      select coalesce(pg_catalog.jsonb_object_agg(s.status, s.n), '{}'::jsonb)
      from (select d.status, pg_catalog.count(*) as n from public.documents as d group by d.status) as s
    ),
    'jobsByStatus', (
      select coalesce(pg_catalog.jsonb_object_agg(s.status, s.n), '{}'::jsonb)
      from (select j.status, pg_catalog.count(*) as n from public.jobs as j group by j.status) as s
    ),
    'failedLast24h', (
      select pg_catalog.count(*) from public.jobs as j
      where j.status = 'failed' and j.updated_at > pg_catalog.now() - interval '24 hours'
    ),
    'queue', v_queue
  );
end;
$$;

revoke execute on function public.admin_overview() from public, anon, authenticated;
grant execute on function public.admin_overview() to service_role;
