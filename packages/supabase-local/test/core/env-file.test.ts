import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeEnvFile } from "../../src/cli/env-file.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "supabase-local-env-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(".env.local", () => {
  it("replaces only the variables it manages and keeps every other line", async () => {
    const file = join(dir, ".env.local");
    await writeFile(
      file,
      "# mine\nSUPABASE_URL=http://old\nMY_FLAG=1\nexport DATABASE_URL=postgres://old\n",
    );
    await writeEnvFile(file, {
      SUPABASE_URL: "http://127.0.0.1:54321",
      DATABASE_URL: "postgresql://new",
      SMTP_URL: "smtp://127.0.0.1:54325",
    });
    expect(await readFile(file, "utf8")).toBe(
      "# mine\nSUPABASE_URL=http://127.0.0.1:54321\nMY_FLAG=1\nDATABASE_URL=postgresql://new\nSMTP_URL=smtp://127.0.0.1:54325\n",
    );
  });

  it("creates the file with a header when missing", async () => {
    const file = join(dir, ".env.local");
    await writeEnvFile(file, { A: "1" });
    expect(await readFile(file, "utf8")).toBe(
      "# Written by supabase-local (start / env). Other lines are kept.\nA=1\n",
    );
  });
});
