// list() and listV2() through supabase-js: one level at a time with folders, case-insensitive
// prefix and search, sorting, paging; listV2's flat and delimited forms with cursors.
import { beforeAll, describe, expect, it } from "vitest";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();
const files = () => kit().admin.storage.from("listing");

describe("list (v1)", () => {
  beforeAll(async () => {
    await kit().admin.storage.createBucket("listing");
    for (const name of [
      "top.txt",
      "Photos/cat.png",
      "photos/dog.png",
      "photos/2026/jan.png",
      "photos/2026/feb.png",
      "docs/a_b.txt",
      "docs/a-b.txt",
      "docs/axb.txt",
    ]) {
      expect((await files().upload(name, name)).error).toBeNull();
    }
  });

  it("lists one level, with folders as entries without an id", async () => {
    const { data, error } = await files().list();
    expect(error).toBeNull();
    expect(data?.map((e) => [e.name, e.id === null])).toEqual([
      ["docs", true],
      ["Photos", true],
      ["top.txt", false],
    ]);
    const top = data?.find((e) => e.name === "top.txt");
    expect(top?.metadata).toMatchObject({ size: 7, mimetype: "text/plain;charset=UTF-8" });
  });

  it("matches the prefix case-insensitively and returns names relative to it", async () => {
    const { data } = await files().list("photos");
    expect(data?.map((e) => e.name)).toEqual(["2026", "cat.png", "dog.png"]);
    const nested = await files().list("photos/2026/");
    expect(nested.data?.map((e) => e.name)).toEqual(["feb.png", "jan.png"]);
  });

  it("searches literally (no LIKE wildcards), sorts, limits and offsets", async () => {
    const search = await files().list("docs", { search: "a_" });
    expect(search.data?.map((e) => e.name)).toEqual(["a_b.txt"]);
    const desc = await files().list("docs", { sortBy: { column: "name", order: "desc" } });
    expect(desc.data?.map((e) => e.name)).toEqual(["axb.txt", "a_b.txt", "a-b.txt"]);
    const page = await files().list("docs", { limit: 1, offset: 1 });
    expect(page.data?.map((e) => e.name)).toEqual(["a_b.txt"]);
    const byTime = await files().list("photos", {
      sortBy: { column: "created_at", order: "desc" },
    });
    expect(byTime.data?.map((e) => e.name)).toEqual(["2026", "dog.png", "cat.png"]);
  });

  it("validates the body", async () => {
    const { storageUrl, stack } = kit();
    const response = await fetch(`${storageUrl}/object/list/listing`, {
      method: "POST",
      headers: { apikey: stack.secretKey, "content-type": "application/json" },
      body: JSON.stringify({ limit: 0 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: "body must have required property 'prefix'",
    });
  });
});

describe("listV2", () => {
  it("lists flat with a case-sensitive prefix and pages with a cursor", async () => {
    const first = await files().listV2({ prefix: "photos/", limit: 2 });
    expect(first.error).toBeNull();
    expect(first.data?.objects.map((o) => o.name)).toEqual([
      "photos/2026/feb.png",
      "photos/2026/jan.png",
    ]);
    expect(first.data?.hasNext).toBe(true);
    const second = await files().listV2({
      prefix: "photos/",
      limit: 2,
      cursor: first.data?.nextCursor ?? "",
    });
    expect(second.data?.objects.map((o) => o.name)).toEqual(["photos/dog.png"]);
    expect(second.data?.hasNext).toBe(false);
  });

  it("groups on '/' with with_delimiter", async () => {
    const { data } = await files().listV2({ prefix: "photos/", with_delimiter: true });
    expect(data?.folders.map((f) => f.name)).toEqual(["photos/2026/"]);
    expect(data?.objects.map((o) => o.name)).toEqual(["photos/dog.png"]);
  });
});
