-- Schemas every Supabase database has. `storage` is created empty here; its tables come later.
create schema if not exists extensions;
create schema if not exists auth authorization supabase_auth_admin;
create schema if not exists storage authorization supabase_storage_admin;
create schema if not exists graphql_public;

-- Supabase installs extensions into `extensions`, so app SQL calls extensions.gen_random_bytes().
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
