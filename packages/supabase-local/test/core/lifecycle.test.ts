// A stack's life: restart keeps data and keys; two stacks run side by side; stop frees every port;
// a taken port or a data folder from another version stops start-up and changes nothing.

import { readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPortFree } from "../../src/db/free-port.ts";
import { StartError } from "../../src/stack/errors.ts";
import { start } from "../../src/stack/start.ts";
import { type TempProject, tempProject } from "./helpers.ts";

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const portOf = (url: string) => Number(new URL(url).port);

describe("restart and side-by-side stacks", () => {
  let first: TempProject;
  let second: TempProject;
  beforeAll(async () => {
    first = await tempProject({
      migrations: { "20240101000000_items.sql": "create table public.items (name text);" },
    });
    second = await tempProject({});
  });
  afterAll(async () => {
    await first.remove();
    await second.remove();
  });

  it("keeps data, keys and signing key ids across a restart; two stacks run at once; stop frees ports; JWKS follows rotation", async () => {
    const a = await first.start();
    const b = await second.start();
    let restarted: Awaited<ReturnType<TempProject["start"]>> | undefined;
    try {
      expect(a.dbUrl).not.toBe(b.dbUrl);
      expect(a.secretKey).not.toBe(b.secretKey);
      await sql(a.dbUrl, "insert into public.items values ('kept')");
      const before = { secret: a.secretKey, jwks: a.context.keys.jwks() };
      const token = await a.context.keys.signAccessToken({ sub: "u1", role: "authenticated" });
      const ports = [portOf(a.apiUrl), portOf(a.dbUrl), portOf(a.mailboxUrl)];

      await a.stop();
      for (const port of ports) await expect(assertPortFree(port)).resolves.toBeUndefined();
      // The other stack is unaffected.
      expect(await sql(b.dbUrl, "select 1 as one")).toEqual([{ one: 1 }]);

      restarted = await first.start();
      expect(await sql(restarted.dbUrl, "select name from public.items")).toEqual([
        { name: "kept" },
      ]);
      expect(restarted.secretKey).toBe(before.secret);
      expect(restarted.context.keys.jwks()).toEqual(before.jwks);
      await expect(restarted.context.keys.verify(token)).resolves.toMatchObject({ sub: "u1" });

      // Rotation and revocation show in the JWKS that Auth serves through the gateway.
      const jwksUrl = `${restarted.apiUrl}/auth/v1/.well-known/jwks.json`;
      const kids = async () =>
        ((await (await fetch(jwksUrl)).json()) as { keys: Array<{ kid: string }> }).keys.map(
          (k) => k.kid,
        );
      const original = await kids();
      expect(original).toEqual(before.jwks.keys.map((k) => k.kid));
      const newKid = await restarted.context.keys.rotate();
      expect(await kids()).toEqual([newKid, ...original]);
      await restarted.context.keys.revoke(original[0] ?? "");
      expect(await kids()).toEqual([newKid]);
    } finally {
      await restarted?.stop();
      await b.stop();
    }
  });
});

describe("refusals that leave everything as it was", () => {
  let project: TempProject;
  let blocker: Server;
  let blockedPort: number;
  beforeAll(async () => {
    project = await tempProject({});
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const address = blocker.address();
    blockedPort = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise((r) => blocker.close(r));
    await project.remove();
  });

  it("names the API or database port that is taken", async () => {
    const base = { dir: project.dataDir, supabaseDir: project.supabaseDir, log: () => {} };
    const api = await start({ ...base, ports: { api: blockedPort, db: 0, mailbox: 0 } }).catch(
      (e) => e,
    );
    expect(api).toBeInstanceOf(StartError);
    expect(api.message).toBe(
      `API port ${blockedPort} is already in use: stop what holds it, or change it in config.toml`,
    );
    const db = await start({ ...base, ports: { api: 0, db: blockedPort, mailbox: 0 } }).catch(
      (e) => e,
    );
    expect(db).toBeInstanceOf(StartError);
    expect(db.message).toMatch(new RegExp(`^database port ${blockedPort} is already in use`));
    // Nothing was created for the database: no cluster was initialised.
    expect(await readdir(project.dataDir)).not.toContain("postgres");
  });

  it("refuses a cluster made by another Postgres major version and leaves it untouched", {
    timeout: 90_000,
  }, async () => {
    const other = await tempProject({});
    try {
      await (await other.start()).stop();
      const pgVersion = join(other.dataDir, "postgres", "PG_VERSION");
      await writeFile(pgVersion, "16\n");
      const error = await other.start().catch((e) => e);
      expect(error).toBeInstanceOf(StartError);
      expect(error.message).toMatch(
        /was made by another Postgres version: run `supabase-local reset`$/,
      );
      expect(await readFile(pgVersion, "utf8")).toBe("16\n");
    } finally {
      await other.remove();
    }
  });

  it("refuses a data folder stamped by another version and leaves it untouched", async () => {
    const stamp = join(project.dataDir, "supabase-local.json");
    await writeFile(stamp, '{"format": 99}\n');
    const before = (await readdir(project.dataDir)).sort();
    const error = await project.start().catch((e) => e);
    expect(error).toBeInstanceOf(StartError);
    expect(error.message).toMatch(
      /data format 99, this version uses 1: run `supabase-local reset`/,
    );
    expect((await readdir(project.dataDir)).sort()).toEqual(before);
    expect(await readFile(stamp, "utf8")).toBe('{"format": 99}\n');
  });
});
