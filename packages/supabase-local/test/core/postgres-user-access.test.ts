import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { letPostgresUserThrough } from "../../src/db/postgres-user-access.ts";

const mode = async (path: string) => (await stat(path)).mode & 0o777;
let base: string | undefined;
afterEach(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

// Only root hands Postgres to the `postgres` system user.
it.runIf(userInfo().uid === 0)(
  "opens private folders on the way to the data folder for passing through only",
  async () => {
    base = await mkdtemp(join(tmpdir(), "pg-access-"));
    const privateRepo = join(base, "checkout");
    await mkdir(privateRepo, { mode: 0o700 });
    const lines: string[] = [];

    await letPostgresUserThrough(join(privateRepo, ".supabase-local", "postgres"), (line) =>
      lines.push(line),
    );

    expect(await mode(privateRepo)).toBe(0o701); // search, never read, for others
    expect(await mode(join(privateRepo, ".supabase-local"))).toBe(0o755);
    expect(lines.some((line) => line.includes(privateRepo))).toBe(true);

    // A second start changes nothing and says nothing.
    lines.length = 0;
    await letPostgresUserThrough(join(privateRepo, ".supabase-local", "postgres"), (line) =>
      lines.push(line),
    );
    expect(lines.filter((line) => line.includes(privateRepo))).toEqual([]);
  },
);
