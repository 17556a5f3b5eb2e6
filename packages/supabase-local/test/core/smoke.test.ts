// The shared stack of the run is up: real Postgres bootstrapped, gateway answering with its rules.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const stack = inject("stack");

describe("shared test stack", () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: stack.dbUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it("serves a bootstrapped, migrated database", async () => {
    const { rows } = await client.query<{ roles: string[]; migrations: number }>(`
      select array(select rolname::text from pg_roles
                   where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')
                   order by rolname) as roles,
             (select count(*)::int from supabase_migrations.schema_migrations) as migrations`);
    expect(rows[0]?.roles).toEqual(["anon", "authenticated", "authenticator", "service_role"]);
    expect(rows[0]?.migrations).toBeGreaterThan(0);
  });

  it("refuses a request without an apikey and routes one with the publishable key", async () => {
    const refused = await fetch(`${stack.apiUrl}/rest/v1/`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ message: "No API key found in request" });

    const routed = await fetch(`${stack.apiUrl}/auth/v1/settings`, {
      headers: { apikey: stack.publishableKey },
    });
    expect(routed.status).not.toBe(401);
    expect(routed.status).not.toBe(404);
  });

  it("publishes the public signing key in the JWKS without an apikey", async () => {
    const res = await fetch(`${stack.apiUrl}/auth/v1/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256" });
    expect(typeof keys[0]?.kid).toBe("string");
    expect(keys[0]).not.toHaveProperty("d");
  });
});
