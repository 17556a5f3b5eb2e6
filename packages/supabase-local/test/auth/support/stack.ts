// One stack per test file, with its own config.toml (auth settings vary per file) and a small app
// migration that puts a trigger and a foreign key on auth.users, as real apps do.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { RunningStack } from "../../../src/testing/index.ts";
import { startTestStack } from "../../../src/testing/index.ts";

const APP_MIGRATION = `
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text,
  signup_email text
);
alter table public.profiles enable row level security;
create policy "own profile" on public.profiles for select to authenticated using ((select auth.uid()) = id);

create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- Sees raw_user_meta_data exactly as the app sent it (GoTrue's write order).
  insert into public.profiles (id, full_name, signup_email)
  values (new.id, new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'email');
  if new.raw_user_meta_data ->> 'full_name' = 'reject me' then
    raise exception 'profile rejected by trigger';
  end if;
  return new;
end
$$;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
`;

export interface AuthTestStack {
  stack: RunningStack;
  /** A fresh supabase-js client with the publishable key (no session persisted between clients). */
  anon(options?: { flowType?: "implicit" | "pkce" }): SupabaseClient;
  /** supabase-js with the secret key, for `auth.admin`. */
  admin(): SupabaseClient;
  stop(): Promise<void>;
}

export async function startAuthStack(configToml: string): Promise<AuthTestStack> {
  const supabaseDir = await mkdtemp(join(tmpdir(), "auth-test-supabase-"));
  await mkdir(join(supabaseDir, "migrations"));
  await writeFile(join(supabaseDir, "config.toml"), configToml);
  await writeFile(join(supabaseDir, "migrations", "20250101000000_profiles.sql"), APP_MIGRATION);
  const stack = await startTestStack({ supabaseDir });
  const memoryStorage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  };
  return {
    stack,
    anon: (options = {}) =>
      createClient(stack.apiUrl, stack.publishableKey, {
        auth: {
          autoRefreshToken: false,
          persistSession: true,
          detectSessionInUrl: false,
          storage: memoryStorage(),
          flowType: options.flowType ?? "implicit",
        },
      }),
    admin: () =>
      createClient(stack.apiUrl, stack.secretKey, {
        auth: { autoRefreshToken: false, persistSession: false, detectSessionInUrl: false },
      }),
    stop: async () => {
      await stack.stop();
      await rm(supabaseDir, { recursive: true, force: true });
    },
  };
}

export const AUTOCONFIRM_CONFIG = `
[auth]
site_url = "http://127.0.0.1:3000"
additional_redirect_urls = ["https://app.example.com/**"]
enable_anonymous_sign_ins = true

[auth.email]
enable_confirmations = false
max_frequency = "1s"
`;

/** E-mail confirmations on (the hosted default): sign-ups wait for the link in the mailbox. */
export const CONFIRMATIONS_CONFIG = `
[auth]
site_url = "http://127.0.0.1:3000"
additional_redirect_urls = ["https://app.example.com/**"]

[auth.email]
enable_confirmations = true
max_frequency = "1s"
`;

/** Direct SQL on the stack's database (superuser), for assertions on auth.* rows. */
export async function sql<T extends Record<string, unknown>>(
  stack: RunningStack,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const { rows } = await stack.context.pools.admin.query<T>(text, params);
  return rows;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;
}
