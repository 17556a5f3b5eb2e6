// Real users in the stack's Auth: created with the admin API (secret key), signed in with a
// password through supabase-js, so every token in these tests is one Supabase Auth issued.
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";

export interface StackInfoLike {
  apiUrl: string;
  dbUrl: string;
  publishableKey: string;
  secretKey: string;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** supabase-js client signed in as this user (publishable key + the user's session). */
  client: SupabaseClient;
}

const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

export function secretClient(stack: StackInfoLike): SupabaseClient {
  return createClient(stack.apiUrl, stack.secretKey, noSession);
}

export async function createUser(stack: StackInfoLike, label = "user"): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const password = `pw-${randomUUID()}`;
  const created = await secretClient(stack).auth.admin.createUser({
    email,
    password,
    email_confirm: true,
  });
  if (created.error || !created.data.user) throw new Error(`createUser: ${created.error?.message}`);
  const client = createClient(stack.apiUrl, stack.publishableKey, noSession);
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error || !signedIn.data.session)
    throw new Error(`sign in: ${signedIn.error?.message}`);
  return {
    id: created.data.user.id,
    email,
    password,
    token: signedIn.data.session.access_token,
    client,
  };
}

/** Runs SQL as the database superuser (test setup and assertions only). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  stack: StackInfoLike,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function grantAdmin(stack: StackInfoLike, userId: string): Promise<void> {
  await sql(
    stack,
    "insert into public.user_roles (user_id, role) values ($1, 'admin') on conflict do nothing",
    [userId],
  );
}

export async function revokeAdmin(stack: StackInfoLike, userId: string): Promise<void> {
  await sql(stack, "delete from public.user_roles where user_id = $1", [userId]);
}
