-- Private helpers: a schema the Data API never exposes (it is not in [api].schemas), holding
-- trigger functions and the security definer functions that touch graphile_worker.
create schema if not exists app_private;
revoke all on schema app_private from public;

-- New tables in public are otherwise granted to every API role by Supabase's default
-- privileges; each table below grants exactly what it needs instead.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke execute on functions from anon, authenticated;

-- Keeps updated_at honest whoever writes the row (API, worker, SQL console).
create function app_private.tg_set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end;
$$;
revoke execute on function app_private.tg_set_updated_at() from public;

-- Errors raised by Docket's functions use PostgREST's `PTxyz` SQLSTATEs, so the Data API answers
-- with HTTP status xyz and the API can map the code without parsing messages:
--   PT400 invalid input · PT401 not signed in · PT403 not allowed · PT404 no such row (or not
--   yours — the two are indistinguishable on purpose) · PT409 the row is in the wrong state.
