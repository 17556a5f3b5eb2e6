// New clusters are copies of cached pristine clusters: the first start with an empty cache runs
// initdb and the bootstrap and saves both results; the next new data folder is a bootstrapped
// copy that behaves exactly like a cluster built from scratch.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start } from "../../src/stack/start.ts";
import { type TempProject, tempProject } from "./helpers.ts";

let project: TempProject;
const migrations = { "20240101000000_notes.sql": "create table public.notes (body text);" };

beforeAll(async () => {
  project = await tempProject({ migrations });
});
afterAll(() => project.remove());

async function startLogged(dir: string, templateCache: string) {
  const lines: string[] = [];
  const stack = await start({
    dir,
    supabaseDir: project.supabaseDir,
    ports: { api: 0, db: 0, mailbox: 0 },
    ephemeral: true,
    templateCache,
    log: (line) => lines.push(line),
  });
  return { stack, lines };
}

describe("template cache", () => {
  it("saves initdb and bootstrapped clusters, then copies the bootstrapped one", {
    timeout: 120_000,
  }, async () => {
    const cache = join(project.root, "cache");
    const first = await startLogged(join(project.root, "first"), cache);
    await first.stack.stop();
    expect(first.lines.some((l) => l.startsWith("initialising a new Postgres cluster"))).toBe(true);
    expect(first.lines).toContain(
      "saved the bootstrapped cluster as a template for new data folders",
    );
    const cached = (await readdir(cache)).sort();
    expect(cached).toHaveLength(2);
    expect(cached[0]).toMatch(/^supabase-local-bootstrapped-/);
    expect(cached[1]).toMatch(/^supabase-local-initdb-/);

    const second = await startLogged(join(project.root, "second"), cache);
    try {
      expect(second.lines.some((l) => l.includes("(bootstrapped copy of"))).toBe(true);
      expect(second.lines.some((l) => l.startsWith("bootstrap: applied"))).toBe(false);
      const { pools } = second.stack.context;
      const notes = await pools.admin.query("select to_regclass('public.notes')::text as t");
      expect(notes.rows).toEqual([{ t: "notes" }]);
      // The authenticator password is this data folder's, not the one of the cached cluster.
      const who = await pools.authenticator.query("select current_user as u");
      expect(who.rows).toEqual([{ u: "authenticator" }]);
    } finally {
      await second.stack.stop();
    }
  });
});
