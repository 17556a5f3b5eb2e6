-- One profile per auth user, created by a trigger so it exists from the first sign-in.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  display_name text check (display_name is null or char_length(display_name) between 1 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'Public-facing user details; the owner reads it and edits display_name.';

alter table public.profiles enable row level security;

create policy profiles_select_own on public.profiles
  for select to authenticated
  using (id = (select auth.uid()));

create policy profiles_update_own on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

revoke all on table public.profiles from anon, authenticated;
grant all on table public.profiles to service_role;
grant select on table public.profiles to authenticated;
grant update (display_name) on table public.profiles to authenticated;

create trigger profiles_set_updated_at
  before update on public.profiles
  for each row execute function app_private.tg_set_updated_at();

-- Runs as the table owner: authenticated users have no insert grant on profiles.
create function app_private.tg_auth_users_create_profile() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, email, display_name)
  values (
    new.id,
    new.email,
    nullif(pg_catalog.left(pg_catalog.btrim(coalesce(
      new.raw_user_meta_data ->> 'display_name',
      new.raw_user_meta_data ->> 'full_name',
      new.raw_user_meta_data ->> 'name',
      ''
    )), 100), '')
  )
  on conflict (id) do nothing;
  return new;
end;
$$;
revoke execute on function app_private.tg_auth_users_create_profile() from public;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function app_private.tg_auth_users_create_profile();

-- Email changes happen in Auth; mirror them so profiles never show a stale address.
create function app_private.tg_auth_users_sync_profile_email() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.profiles set email = new.email where id = new.id;
  return new;
end;
$$;
revoke execute on function app_private.tg_auth_users_sync_profile_email() from public;

create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row
  when (old.email is distinct from new.email)
  execute function app_private.tg_auth_users_sync_profile_email();
