-- Local development data, applied on a fresh database after the migrations (by supabase-local
-- and by `supabase db reset`). Never run it against production.
--   demo@docket.local  / demo-password-1   a normal user
--   admin@docket.local / admin-password-1  an admin (row in public.user_roles)
-- GoTrue reads the token columns into non-nullable strings, so they are '' rather than NULL.

create extension if not exists pgcrypto with schema extensions;

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change,
  email_change_token_current, phone_change, phone_change_token, reauthentication_token
)
select
  '00000000-0000-0000-0000-000000000000'::uuid, u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt(u.password, extensions.gen_salt('bf', 10)), now(),
  '{"provider": "email", "providers": ["email"]}'::jsonb,
  jsonb_build_object('display_name', u.display_name), now(), now(),
  '', '', '', '', '', '', '', ''
from (values
  ('5eed0000-de30-4000-8000-000000000001'::uuid, 'demo@docket.local', 'demo-password-1', 'Demo User'),
  ('5eed0000-ad31-4000-8000-000000000002'::uuid, 'admin@docket.local', 'admin-password-1', 'Admin')
) as u (id, email, password, display_name)
on conflict (id) do nothing;

insert into auth.identities (
  id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at
)
select
  gen_random_uuid(), u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true,
                     'phone_verified', false),
  'email', now(), now(), now()
from auth.users as u
where u.email in ('demo@docket.local', 'admin@docket.local')
on conflict (provider_id, provider) do nothing;

insert into public.user_roles (user_id, role)
select id, 'admin' from auth.users where email = 'admin@docket.local'
on conflict do nothing;
