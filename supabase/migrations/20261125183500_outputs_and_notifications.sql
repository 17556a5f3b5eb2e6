-- Generated results of processing a document; one row per (document, kind) so a re-run upserts
-- instead of duplicating. Written by the worker with the secret key.
create table public.outputs (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  owner_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind in ('summary', 'markdown', 'entities_csv', 'stats_json')),
  content text,
  storage_path text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (document_id, kind)
);
comment on table public.outputs is 'Processing results; the owner reads, the worker upserts on (document_id, kind).';

create index outputs_owner_idx on public.outputs (owner_id);

alter table public.outputs enable row level security;

create policy outputs_select_own on public.outputs
  for select to authenticated
  using (owner_id = (select auth.uid()));

revoke all on table public.outputs from anon, authenticated;
grant all on table public.outputs to service_role;
grant select on table public.outputs to authenticated;

create trigger outputs_set_updated_at
  before update on public.outputs
  for each row execute function app_private.tg_set_updated_at();

-- In-app notifications. The owner reads them and may change only read_at.
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (char_length(kind) between 1 and 64),
  title text not null check (char_length(title) between 1 and 200),
  body text not null default '' check (char_length(body) <= 5000),
  link text check (link is null or char_length(link) <= 2000),
  read_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.notifications is 'In-app notifications; the owner reads them and sets read_at.';

create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
create index notifications_user_unread_idx on public.notifications (user_id) where read_at is null;

alter table public.notifications enable row level security;

create policy notifications_select_own on public.notifications
  for select to authenticated
  using (user_id = (select auth.uid()));

create policy notifications_update_own on public.notifications
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

revoke all on table public.notifications from anon, authenticated;
grant all on table public.notifications to service_role;
grant select on table public.notifications to authenticated;
grant update (read_at) on table public.notifications to authenticated;
