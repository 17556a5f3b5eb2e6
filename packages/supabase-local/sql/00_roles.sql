-- The roles Supabase's Postgres image creates (spec auth §8.1). Roles are cluster-wide, so each is
-- created only when missing: a second database on the same server reuses them.
do $$
declare
  wanted text[] := array['anon', 'authenticated', 'service_role', 'authenticator',
                         'supabase_auth_admin', 'supabase_storage_admin'];
  name text;
begin
  foreach name in array wanted loop
    if not exists (select from pg_catalog.pg_roles where rolname = name) then
      execute format('create role %I', name);
    end if;
  end loop;
end
$$;

-- API roles: no login; PostgREST-style services reach them through `set local role`.
alter role anon nologin inherit;
alter role authenticated nologin inherit;
alter role service_role nologin inherit bypassrls;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- The Data API and Storage connect as authenticator and switch to the role of the JWT.
-- Its password is set at every start from the data folder (never stored in SQL files).
alter role authenticator login noinherit;
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
grant anon, authenticated, service_role to authenticator;

-- Owners of the auth and storage schemas, as in Supabase.
alter role supabase_auth_admin login noinherit createrole noreplication;
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin login noinherit createrole noreplication;
alter role supabase_storage_admin set search_path = storage;
