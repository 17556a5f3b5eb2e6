-- Who is an admin. Only the secret key (service_role) reads or writes it: a user must never be
-- able to see, let alone grant, roles through the Data API.
create table public.user_roles (
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('admin')),
  granted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (user_id, role)
);
comment on table public.user_roles is 'Source of truth for admin rights; service_role only.';

alter table public.user_roles enable row level security;
revoke all on table public.user_roles from anon, authenticated;
grant all on table public.user_roles to service_role;

-- Every admin mutation leaves a row here, written by the API with the secret key.
create table public.audit_log (
  id bigint generated always as identity primary key,
  -- No foreign key: the record must outlive the accounts it mentions.
  actor_id uuid,
  action text not null check (char_length(action) between 1 and 100),
  target_type text,
  target_id text,
  details jsonb not null default '{}'::jsonb,
  request_id text,
  created_at timestamptz not null default now()
);
comment on table public.audit_log is 'Append-only record of admin actions; service_role only.';

create index audit_log_created_at_idx on public.audit_log (created_at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, created_at desc);
create index audit_log_action_idx on public.audit_log (action, created_at desc);

alter table public.audit_log enable row level security;
revoke all on table public.audit_log from anon, authenticated;
grant all on table public.audit_log to service_role;
