// App migrations: applied once each, in file-name order, recorded as the Supabase CLI records
// them; a failing one stops start-up with its file name and the Postgres error and leaves the
// database as it was before that file; the seed runs once, on a new database.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StartError } from "../../src/stack/errors.ts";
import { type TempProject, tempProject } from "./helpers.ts";

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("migrations and seed", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject({
      migrations: {
        // Names sort in this order; the second depends on the first.
        "20240101000000_notes.sql":
          "create table public.notes (id serial primary key, body text not null);",
        "20240102000000_note_tags.sql":
          "alter table public.notes add column tag text;\ninsert into public.notes (body, tag) values ('from migration', 'm');",
        "README.md": "not a migration",
      },
      seed: "insert into public.notes (body, tag) values ('from seed', 's');",
    });
  });
  afterAll(() => project.remove());

  it("apply in order, are recorded with version, name and statements, and the seed runs once", async () => {
    let stack = await project.start();
    try {
      const recorded = await query<{ version: string; name: string; statements: string[] }>(
        stack.dbUrl,
        "select version, name, statements from supabase_migrations.schema_migrations order by version",
      );
      expect(recorded).toEqual([
        {
          version: "20240101000000",
          name: "notes",
          statements: ["create table public.notes (id serial primary key, body text not null)"],
        },
        {
          version: "20240102000000",
          name: "note_tags",
          statements: [
            "alter table public.notes add column tag text",
            "insert into public.notes (body, tag) values ('from migration', 'm')",
          ],
        },
      ]);
    } finally {
      await stack.stop();
    }

    // Restart: nothing is applied twice, the seed does not run again, data written meanwhile stays.
    stack = await project.start();
    try {
      const notes = await query<{ body: string }>(
        stack.dbUrl,
        "select body from public.notes order by id",
      );
      expect(notes.map((n) => n.body)).toEqual(["from migration", "from seed"]);
    } finally {
      await stack.stop();
    }
  });

  it("a failing migration stops start-up with its file and the Postgres error, and changes nothing", async () => {
    await project.writeMigration(
      "20240103000000_broken.sql",
      "create table public.half_done (id int);\ninsert into public.notes (body) values ('lost');\nselect * from public.no_such_table;\n",
    );
    const error = await project.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    const message = (error as Error).message;
    expect(message).toContain("20240103000000_broken.sql:3");
    expect(message).toContain('relation "public.no_such_table" does not exist');

    // Fix the file: start-up applies it, and the database shows nothing of the failed attempt.
    await project.writeMigration(
      "20240103000000_broken.sql",
      "create table public.half_done (id int);\n",
    );
    const stack = await project.start();
    try {
      const notes = await query<{ body: string }>(
        stack.dbUrl,
        "select body from public.notes order by id",
      );
      expect(notes.map((n) => n.body)).toEqual(["from migration", "from seed"]);
      const versions = await query<{ version: string }>(
        stack.dbUrl,
        "select version from supabase_migrations.schema_migrations order by version",
      );
      expect(versions.map((v) => v.version)).toEqual([
        "20240101000000",
        "20240102000000",
        "20240103000000",
      ]);
    } finally {
      await stack.stop();
    }
  });
});
