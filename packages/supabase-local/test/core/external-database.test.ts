// `databaseUrl`: the stack bootstraps and migrates an existing Postgres database instead of
// starting its own, and stop() leaves that server running.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start } from "../../src/stack/start.ts";
import type { RunningStack } from "../../src/stack/types.ts";
import { type TempProject, tempProject } from "./helpers.ts";

let host: TempProject;
let server: RunningStack;
let project: TempProject;

beforeAll(async () => {
  host = await tempProject({});
  server = await host.start();
  await server.context.pools.admin.query("create database existing_app");
  project = await tempProject({
    migrations: { "20240101000000_things.sql": "create table public.things (id int);" },
  });
});
afterAll(async () => {
  await server?.stop();
  await host?.remove();
  await project?.remove();
});

describe("an existing database", () => {
  it("is bootstrapped and migrated, and keeps running after stop()", async () => {
    const url = new URL(server.dbUrl);
    url.pathname = "/existing_app";
    const stack = await start({
      dir: project.dataDir,
      supabaseDir: project.supabaseDir,
      databaseUrl: url.toString(),
      ports: { api: 0, mailbox: 0 },
      log: () => {},
    });
    try {
      expect(stack.dbUrl).toBe(url.toString());
      const { rows } = await stack.context.pools.admin.query<{ db: string; things: string | null }>(
        "select current_database() as db, to_regclass('public.things')::text as things",
      );
      expect(rows).toEqual([{ db: "existing_app", things: "things" }]);
      // The authenticator login works with the password kept in this stack's data folder.
      const who = await stack.context.pools.authenticator.query<{ user: string }>(
        "select current_user as user",
      );
      expect(who.rows).toEqual([{ user: "authenticator" }]);
    } finally {
      await stack.stop();
    }
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const versions = await client.query(
      "select version from supabase_migrations.schema_migrations",
    );
    await client.end();
    expect(versions.rows).toEqual([{ version: "20240101000000" }]);
  });
});
