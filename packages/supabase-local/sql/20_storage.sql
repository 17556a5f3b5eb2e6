-- The `storage` schema as Supabase Storage leaves it (migrations up to v1.60.2), so that app
-- migrations can write the same policies on storage.objects that they write for Supabase.
-- The schema itself and the roles come from the earlier bootstrap files.

create schema if not exists storage;

create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');

create table storage.buckets (
  id text primary key,
  name text not null,
  owner uuid, -- deprecated by Supabase in favour of owner_id; kept for parity
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  type storage.buckettype not null default 'STANDARD'
);
create unique index bname on storage.buckets using btree (name);

create table storage.objects (
  id uuid primary key default gen_random_uuid(),
  -- Supabase declares this FK without ON DELETE: deleting a non-empty bucket must fail.
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  user_metadata jsonb
);
create unique index bucketid_objname on storage.objects using btree (bucket_id, name);
create index name_prefix_search on storage.objects using btree (name text_pattern_ops);
create index idx_objects_bucket_id_name on storage.objects (bucket_id, name collate "C");
create index idx_objects_lower_name on storage.objects (bucket_id, lower(name) collate "C");

-- Helpers used in policies -------------------------------------------------------------------

create function storage.foldername(name text) returns text[]
language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end
$$;

create function storage.filename(name text) returns text
language plpgsql immutable as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

-- No dot in the file name yields the whole file name, exactly like Supabase's definition.
create function storage.extension(name text) returns text
language plpgsql immutable as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

create function storage.operation() returns text
language plpgsql stable as $$
begin
  return current_setting('storage.operation', true);
end
$$;

create function storage.allow_only_operation(expected_operation text) returns boolean
language plpgsql stable as $$
declare
  _op text := storage.operation();
begin
  return _op = expected_operation or _op = 'storage.' || expected_operation
    or 'storage.' || _op = expected_operation;
end
$$;

create function storage.allow_any_operation(expected_operations text[]) returns boolean
language plpgsql stable as $$
declare
  _e text;
begin
  foreach _e in array expected_operations loop
    if storage.allow_only_operation(_e) then
      return true;
    end if;
  end loop;
  return false;
end
$$;

create function storage.get_size_by_bucket() returns table (size bigint, bucket_id text)
language plpgsql stable as $$
begin
  return query
    select sum((o.metadata ->> 'size')::int)::bigint as size, o.bucket_id
    from storage.objects as o
    group by o.bucket_id;
end
$$;

-- Legacy helper: tells whether the caller may insert this row, then undoes the insert.
create function storage.can_insert_object(bucketid text, name text, owner uuid, metadata jsonb)
returns void
language plpgsql as $$
begin
  insert into storage.objects (bucket_id, name, owner, metadata)
  values (bucketid, name, owner, metadata);
  raise sqlstate 'PT200' using
    message = 'ROLLBACK',
    detail = 'rollback successful insert';
end
$$;

-- Triggers -----------------------------------------------------------------------------------

create function storage.update_updated_at_column() returns trigger
language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end
$$;

create trigger update_objects_updated_at
before update on storage.objects
for each row execute function storage.update_updated_at_column();

create function storage.enforce_bucket_name_length() returns trigger
language plpgsql as $$
begin
  if length(new.name) > 100 then
    raise exception 'bucket name "%" is too long (% characters). Max is 100.',
      new.name, length(new.name);
  end if;
  return new;
end
$$;

create trigger enforce_bucket_name_length_trigger
before insert or update of name on storage.buckets
for each row execute function storage.enforce_bucket_name_length();

-- Rows must go through the Storage API so that bytes and rows stay together; the API sets
-- storage.allow_delete_query in each of its transactions. TRUNCATE is not caught (on purpose).
create function storage.protect_delete() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') <> 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.',
        errcode = '42501';
  end if;
  return null;
end
$$;

create trigger protect_buckets_delete
before delete on storage.buckets
for each statement execute function storage.protect_delete();

create trigger protect_objects_delete
before delete on storage.objects
for each statement execute function storage.protect_delete();

-- Access: RLS on, no policies; the API roles get table rights and RLS decides ----------------

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

grant usage on schema storage to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on all functions in schema storage to anon, authenticated, service_role;
alter default privileges in schema storage
  grant all on tables to anon, authenticated, service_role;
alter default privileges in schema storage
  grant all on functions to anon, authenticated, service_role;
alter default privileges in schema storage
  grant all on sequences to anon, authenticated, service_role;

do $$
begin
  if exists (select from pg_roles where rolname = 'postgres') then
    grant usage on schema storage to postgres with grant option;
    grant all on storage.buckets, storage.objects to postgres with grant option;
  end if;
  if exists (select from pg_roles where rolname = 'supabase_storage_admin') then
    grant all on schema storage to supabase_storage_admin;
    alter table storage.buckets owner to supabase_storage_admin;
    alter table storage.objects owner to supabase_storage_admin;
  end if;
end
$$;
