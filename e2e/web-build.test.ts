// The sites these flows use were built from the test stack's real keys: only the publishable one
// may be inside them.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";

const stack = inject("stack");
const { webDist, adminDist } = inject("e2e");

describe.each([
  { site: "web app", dist: webDist },
  { site: "admin dashboard", dist: adminDist },
])("the built $site under test", ({ dist }) => {
  it("holds the publishable key and no secret of the stack", async () => {
    expect(dist, "the e2e setup builds every site it serves").not.toBe("");
    const entries = await readdir(dist, { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const containing = async (needle: string) => {
      const hits: string[] = [];
      for (const file of files)
        if ((await readFile(file, "latin1")).includes(needle)) hits.push(file);
      return hits;
    };
    expect(await containing(stack.publishableKey)).not.toEqual([]);
    expect(await containing("sb_secret_")).toEqual([]);
    expect(await containing(stack.secretKey)).toEqual([]);
    expect(await containing(stack.jwtSecret)).toEqual([]);
    expect(await containing(stack.serviceRoleKey)).toEqual([]);
  });
});
