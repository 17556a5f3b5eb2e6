// Builds the app the way a deployment would, with a .env.local that also holds server-only
// secrets, and checks that none of them reached the bundle while the public values did.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildForProduction } from "./support/build-app.ts";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const secretKey = `sb_secret_${randomBytes(16).toString("base64url")}`;
const jwtSecret = randomBytes(32).toString("hex");
const publishableKey = `sb_publishable_${randomBytes(16).toString("base64url")}`;

let workDir = "";
let outDir = "";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "docket-web-build-"));
  outDir = join(workDir, "dist");
  await writeFile(
    join(workDir, ".env.local"),
    [
      "SUPABASE_URL=http://127.0.0.1:54321",
      `SUPABASE_SECRET_KEY=${secretKey}`,
      `SUPABASE_JWT_SECRET=${jwtSecret}`,
      `DATABASE_URL=postgresql://postgres:${jwtSecret}@127.0.0.1:54322/postgres`,
      "VITE_SUPABASE_URL=http://127.0.0.1:54321",
      `VITE_SUPABASE_PUBLISHABLE_KEY=${publishableKey}`,
      "VITE_API_URL=http://127.0.0.1:3001",
    ].join("\n"),
  );
  await buildForProduction(APP_DIR, workDir, outDir);
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("the production build", () => {
  it("contains the publishable key and URLs but no secret", async () => {
    const files = await filesUnder(outDir);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    const found = (needle: string) => files.filter((f) => contents.get(f)?.includes(needle));
    const contents = new Map<string, string>();
    for (const file of files) contents.set(file, await readFile(file, "latin1"));
    // The scan sees env values at all: the public ones must be there.
    expect(found(publishableKey)).not.toEqual([]);
    expect(found("http://127.0.0.1:3001")).not.toEqual([]);
    // File names only in the failure message, never the (large) contents.
    expect(found("sb_secret_")).toEqual([]);
    expect(found(secretKey)).toEqual([]);
    expect(found(jwtSecret)).toEqual([]);
  });

  it("keeps the JavaScript loaded at start-up under 200 KB gzipped", async () => {
    const js = (await filesUnder(outDir)).filter((f) => f.endsWith(".js"));
    let gzipped = 0;
    for (const file of js) gzipped += gzipSync(await readFile(file), { level: 9 }).length;
    // Every chunk is needed for the first screen (the app has no lazy routes), so all of it counts.
    console.info(`web: ${js.length} JS chunk(s), ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(200 * 1024);
  });
});
