// The dashboard is built with a .env.local that also holds the server's secrets (as on a
// developer machine): none of them may reach the bundle, and the chart library must not weigh
// on the first screen.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionBuild } from "./support/production-build.ts";

const secretKey = `sb_secret_${randomBytes(18).toString("base64url")}`;
const jwtSecret = randomBytes(24).toString("hex");
const publishableKey = `sb_publishable_${randomBytes(18).toString("base64url")}`;
const apiUrl = "http://127.0.0.1:3999";

let workDir = "";
const files = new Map<string, string>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "docket-admin-build-"));
  const env = [
    `SUPABASE_SECRET_KEY=${secretKey}`,
    `SUPABASE_JWT_SECRET=${jwtSecret}`,
    `DATABASE_URL=postgresql://postgres:${jwtSecret}@127.0.0.1:54322/postgres`,
    "VITE_SUPABASE_URL=http://127.0.0.1:54321",
    `VITE_SUPABASE_PUBLISHABLE_KEY=${publishableKey}`,
    `VITE_API_URL=${apiUrl}`,
  ];
  await writeFile(join(workDir, ".env.local"), `${env.join("\n")}\n`);
  const outDir = join(workDir, "dist");
  await productionBuild(workDir, outDir);
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path, await readFile(path, "latin1"));
  }
}, 200_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const containing = (needle: string) =>
  [...files].filter(([, text]) => text.includes(needle)).map(([path]) => path);

describe("the dashboard's production build", () => {
  it("carries the public settings and none of the secrets", () => {
    expect(containing(publishableKey)).not.toEqual([]);
    expect(containing(apiUrl)).not.toEqual([]);
    expect(containing(secretKey)).toEqual([]);
    expect(containing(jwtSecret)).toEqual([]);
    expect(containing("sb_secret_")).toEqual([]);
  });

  it("loads the chart library only when the overview chart needs it", () => {
    const js = [...files].filter(([path]) => path.endsWith(".js"));
    const chart = js.filter(([, code]) => code.includes("recharts-surface"));
    const app = js.filter(([, code]) => code.includes("is not a Docket admin"));
    expect(chart).toHaveLength(1);
    expect(app).toHaveLength(1);
    expect(chart[0]?.[0]).not.toBe(app[0]?.[0]);
    // What every screen needs (everything but the chart chunk) stays small.
    const kb = (code: string) => gzipSync(Buffer.from(code, "latin1")).length / 1024;
    const firstScreen = js.filter(([path]) => path !== chart[0]?.[0]);
    const total = firstScreen.reduce((sum, [, code]) => sum + kb(code), 0);
    console.info(
      `admin: ${total.toFixed(1)} KB gzipped without the chart, chart chunk ${kb(chart[0]?.[1] ?? "").toFixed(1)} KB`,
    );
    expect(total).toBeLessThan(200);
  });
});
