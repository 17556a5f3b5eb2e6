// A bootstrapped database (no app migrations, which may tighten the defaults) has Supabase's
// roles, schemas, grants and auth helpers, and RLS policies written with auth.uid() behave as on
// Supabase for a role and claims set the way the Data API and Storage set them. Every test rolls
// back what it creates.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../src/stack/types.ts";
import { type TempProject, tempProject } from "./helpers.ts";

let project: TempProject;
let stack: RunningStack;
let client: pg.Client;

beforeAll(async () => {
  project = await tempProject({});
  stack = await project.start();
  client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await stack?.stop();
  await project?.remove();
});

/** Runs `work` in a transaction that is always rolled back. */
async function rolledBack<T>(work: () => Promise<T>): Promise<T> {
  await client.query("begin");
  try {
    return await work();
  } finally {
    await client.query("rollback");
  }
}

async function asRole<T>(role: string, claims: object | null, sql: string): Promise<T[]> {
  await client.query(`set local role ${role}`);
  await client.query("select set_config('request.jwt.claims', $1, true)", [
    claims ? JSON.stringify(claims) : "",
  ]);
  const { rows } = await client.query(sql);
  await client.query("reset role");
  return rows as T[];
}

describe("roles", () => {
  it("have Supabase's attributes", async () => {
    const { rows } = await client.query<{
      rolname: string;
      rolcanlogin: boolean;
      rolinherit: boolean;
      rolbypassrls: boolean;
    }>(`select rolname, rolcanlogin, rolinherit, rolbypassrls from pg_roles
        where rolname in ('anon', 'authenticated', 'service_role', 'authenticator', 'supabase_auth_admin')
        order by rolname`);
    expect(rows).toEqual([
      { rolname: "anon", rolcanlogin: false, rolinherit: true, rolbypassrls: false },
      { rolname: "authenticated", rolcanlogin: false, rolinherit: true, rolbypassrls: false },
      { rolname: "authenticator", rolcanlogin: true, rolinherit: false, rolbypassrls: false },
      { rolname: "service_role", rolcanlogin: false, rolinherit: true, rolbypassrls: true },
      { rolname: "supabase_auth_admin", rolcanlogin: true, rolinherit: false, rolbypassrls: false },
    ]);
  });

  it("let authenticator switch to the API roles and log in with the password from the data folder", async () => {
    const { rows } = await client.query<{ role: string; member: boolean }>(
      `select r as role, pg_has_role('authenticator', r, 'member') as member
       from unnest(array['anon', 'authenticated', 'service_role', 'postgres']) r`,
    );
    expect(rows).toEqual([
      { role: "anon", member: true },
      { role: "authenticated", member: true },
      { role: "service_role", member: true },
      { role: "postgres", member: false },
    ]);
  });
});

describe("schemas and grants", () => {
  it("has the Supabase schemas and pgcrypto in `extensions`", async () => {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname in
       ('auth', 'extensions', 'storage', 'graphql_public', 'supabase_migrations') order by 1`,
    );
    expect(rows.map((r) => r.nspname)).toEqual([
      "auth",
      "extensions",
      "graphql_public",
      "storage",
      "supabase_migrations",
    ]);
    const ext = await client.query(
      `select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
       where e.extname = 'pgcrypto'`,
    );
    expect(ext.rows).toEqual([{ nspname: "extensions" }]);
  });

  it("grants a new public table to every API role (RLS is the protection), but not auth tables", async () => {
    const privileges = await rolledBack(async () => {
      await client.query("create table public.bootstrap_probe (id int)");
      const { rows } = await client.query<{
        role: string;
        can_select: boolean;
        can_insert: boolean;
      }>(
        `select r as role, has_table_privilege(r, 'public.bootstrap_probe', 'select') as can_select,
                has_table_privilege(r, 'public.bootstrap_probe', 'insert') as can_insert
         from unnest(array['anon', 'authenticated', 'service_role']) r`,
      );
      return rows;
    });
    expect(privileges).toEqual([
      { role: "anon", can_select: true, can_insert: true },
      { role: "authenticated", can_select: true, can_insert: true },
      { role: "service_role", can_select: true, can_insert: true },
    ]);
    const auth = await client.query(
      `select has_schema_privilege('anon', 'auth', 'usage') as usage,
              has_table_privilege('anon', 'auth.users', 'select') as users`,
    );
    expect(auth.rows).toEqual([{ usage: true, users: false }]);
  });
});

describe("auth.uid(), auth.role(), auth.email(), auth.jwt()", () => {
  const claims = {
    sub: "6f1c7a5e-8d1b-4c1e-9a7f-0b2e3c4d5e6f",
    role: "authenticated",
    email: "ada@example.com",
    app_metadata: { provider: "email" },
  };

  it("read request.jwt.claims as the services set it", async () => {
    const rows = await rolledBack(() =>
      asRole<{ uid: string; role: string; email: string; provider: string }>(
        "authenticated",
        claims,
        "select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() -> 'app_metadata' ->> 'provider' as provider",
      ),
    );
    expect(rows).toEqual([
      { uid: claims.sub, role: "authenticated", email: "ada@example.com", provider: "email" },
    ]);
  });

  it("return null without claims and honour the old per-claim setting", async () => {
    const rows = await rolledBack(async () => {
      const none = await asRole<{ uid: null }>("anon", null, "select auth.uid() as uid");
      await client.query("select set_config('request.jwt.claim.sub', $1, true)", [claims.sub]);
      const legacy = await client.query<{ uid: string }>("select auth.uid() as uid");
      return [...none, ...legacy.rows];
    });
    expect(rows).toEqual([{ uid: null }, { uid: claims.sub }]);
  });
});

describe("RLS with auth.uid()", () => {
  const alice = "11111111-1111-4111-8111-111111111111";
  const bob = "22222222-2222-4222-8222-222222222222";

  it("shows each user only their rows, anon nothing, service_role everything", async () => {
    const seen = await rolledBack(async () => {
      await client.query(`
        create table public.rls_probe (id serial primary key, owner uuid not null, note text);
        alter table public.rls_probe enable row level security;
        create policy "owners read" on public.rls_probe for select to authenticated
          using ((select auth.uid()) = owner);
        create policy "owners write" on public.rls_probe for insert to authenticated
          with check ((select auth.uid()) = owner);
        insert into public.rls_probe (owner, note) values ('${alice}', 'a1'), ('${alice}', 'a2'), ('${bob}', 'b1');`);
      const sql = "select note from public.rls_probe order by note";
      const asAlice = await asRole<{ note: string }>(
        "authenticated",
        { sub: alice, role: "authenticated" },
        sql,
      );
      const asBob = await asRole<{ note: string }>(
        "authenticated",
        { sub: bob, role: "authenticated" },
        sql,
      );
      const asAnon = await asRole<{ note: string }>("anon", { role: "anon" }, sql);
      const asService = await asRole<{ note: string }>(
        "service_role",
        { role: "service_role" },
        sql,
      );
      return { asAlice, asBob, asAnon, asService };
    });
    expect(seen.asAlice.map((r) => r.note)).toEqual(["a1", "a2"]);
    expect(seen.asBob.map((r) => r.note)).toEqual(["b1"]);
    expect(seen.asAnon).toEqual([]);
    expect(seen.asService.map((r) => r.note)).toEqual(["a1", "a2", "b1"]);
  });

  it("refuses a write for another user", async () => {
    const error = await rolledBack(async () => {
      await client.query(`
        create table public.rls_write_probe (owner uuid not null);
        alter table public.rls_write_probe enable row level security;
        create policy "own rows" on public.rls_write_probe for insert to authenticated
          with check ((select auth.uid()) = owner);`);
      await client.query("set local role authenticated");
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: alice, role: "authenticated" }),
      ]);
      return client.query(`insert into public.rls_write_probe values ('${bob}')`).then(
        () => undefined,
        (e: Error) => e.message,
      );
    });
    expect(error).toMatch(/row-level security/);
  });
});
