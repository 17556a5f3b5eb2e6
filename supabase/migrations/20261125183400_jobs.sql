-- The history of background work. graphile-worker deletes finished jobs, so this table is what
-- users and admins see. Rows are inserted only by app_private.enqueue_job (together with the
-- graphile-worker job whose job_key is this id); status and progress are written by the worker
-- with the secret key.
create table public.jobs (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  document_id uuid references public.documents (id) on delete cascade,
  kind text not null check (char_length(kind) between 1 and 100),
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress smallint not null default 0 check (progress between 0 and 100),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts between 1 and 25),
  last_error text,
  payload jsonb not null default '{}'::jsonb,
  result jsonb,
  request_id text,
  cancel_requested_at timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
comment on table public.jobs is 'Background job history; the owner reads, the worker writes with the secret key.';

create index jobs_owner_created_idx on public.jobs (owner_id, created_at desc);
create index jobs_document_idx on public.jobs (document_id);
create index jobs_status_created_idx on public.jobs (status, created_at desc);
create index jobs_created_idx on public.jobs (created_at desc);

alter table public.jobs enable row level security;

create policy jobs_select_own on public.jobs
  for select to authenticated
  using (owner_id = (select auth.uid()));

revoke all on table public.jobs from anon, authenticated;
grant all on table public.jobs to service_role;
grant select on table public.jobs to authenticated;

create trigger jobs_set_updated_at
  before update on public.jobs
  for each row execute function app_private.tg_set_updated_at();
