// Objects through the real supabase-js with the secret key: upload (raw and multipart), update,
// upsert, download, info/exists, move, copy and remove, with the metadata Storage records.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "./support/files.ts";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();
const md5 = (text: string) => `"${createHash("md5").update(text).digest("hex")}"`;

describe("objects", () => {
  beforeAll(async () => {
    expect((await kit().admin.storage.createBucket("docs")).error).toBeNull();
  });

  it("uploads a raw body and downloads the same bytes with Storage's metadata", async () => {
    const files = kit().admin.storage.from("docs");
    const uploaded = await files.upload("/reports//2026/q1.txt", "hello world", {
      contentType: "text/plain",
    });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({
      path: "reports/2026/q1.txt",
      fullPath: "docs/reports/2026/q1.txt",
    });
    expect(uploaded.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const downloaded = await files.download("reports/2026/q1.txt");
    expect(await downloaded.data?.text()).toBe("hello world");

    const info = await files.info("reports/2026/q1.txt");
    expect(info.error).toBeNull();
    expect(info.data).toMatchObject({
      id: uploaded.data?.id,
      name: "reports/2026/q1.txt",
      bucketId: "docs",
      size: 11,
      contentType: "text/plain",
      cacheControl: "max-age=3600",
      etag: md5("hello world"),
      metadata: {},
    });
    expect(await files.exists("reports/2026/q1.txt")).toEqual({ data: true, error: null });
    const missing = await files.exists("reports/2026/nope.txt");
    expect(missing.data).toBe(false);
  });

  it("uploads a Blob as multipart with user metadata, and serves download headers", async () => {
    const { admin, storageUrl, stack } = kit();
    const blob = new Blob(['{"a":1}'], { type: "application/json" });
    const uploaded = await admin.storage
      .from("docs")
      .upload("data/a.json", blob, { cacheControl: "60", metadata: { source: "test" } });
    expect(uploaded.error).toBeNull();

    const info = await admin.storage.from("docs").info("data/a.json");
    expect(info.data).toMatchObject({
      contentType: "application/json",
      cacheControl: "max-age=60",
      metadata: { source: "test" },
      size: 7,
    });

    const headers = { apikey: stack.secretKey, authorization: `Bearer ${stack.secretKey}` };
    const response = await fetch(`${storageUrl}/object/docs/data/a.json?download=a%20b.json`, {
      headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("max-age=60");
    expect(response.headers.get("etag")).toBe(md5('{"a":1}'));
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=a%20b.json; filename*=UTF-8''a%20b.json",
    );
    expect(await response.text()).toBe('{"a":1}');

    const etag = response.headers.get("etag") ?? "";
    const cached = await fetch(`${storageUrl}/object/docs/data/a.json`, {
      headers: { ...headers, "if-none-match": etag },
    });
    expect(cached.status).toBe(304);
  });

  it("answers byte ranges with 206 and refuses bad ones with 416", async () => {
    const { admin, storageUrl, stack } = kit();
    await admin.storage.from("docs").upload("range.txt", "0123456789");
    const get = (range: string) =>
      fetch(`${storageUrl}/object/docs/range.txt`, {
        headers: { apikey: stack.secretKey, range },
      });
    const middle = await get("bytes=2-5");
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe("bytes 2-5/10");
    expect(await middle.text()).toBe("2345");
    expect(await (await get("bytes=-3")).text()).toBe("789");
    expect(await (await get("bytes=8-100")).text()).toBe("89");
    const bad = await get("bytes=20-30");
    expect(bad.status).toBe(416);
    expect(await bad.json()).toEqual({
      statusCode: "416",
      error: "invalid_range",
      message: "invalid range provided",
      code: "InvalidRange",
    });
  });

  it("refuses a second upload to the same name unless upsert, and update replaces", async () => {
    const files = kit().admin.storage.from("docs");
    const first = await files.upload("same.txt", "one");
    const dupe = await files.upload("same.txt", "two");
    expect(dupe.error).toMatchObject({ statusCode: "409", message: "The resource already exists" });
    expect(await (await files.download("same.txt")).data?.text()).toBe("one");

    const upserted = await files.upload("same.txt", "three", { upsert: true });
    expect(upserted.data?.id).toBe(first.data?.id);
    expect(await (await files.download("same.txt")).data?.text()).toBe("three");

    const updated = await files.update("same.txt", "four");
    expect(updated.data?.id).toBe(first.data?.id);
    expect(await (await files.download("same.txt")).data?.text()).toBe("four");
    const created = await files.update("created-by-update.txt", "five");
    expect(created.error).toBeNull();
  });

  it("answers missing objects and buckets with Storage's 404 errors", async () => {
    const { admin } = kit();
    const noKey = await admin.storage.from("docs").download("missing.txt");
    expect(noKey.error).toMatchObject({ statusCode: "404", message: "Object not found" });
    const noBucket = await admin.storage.from("nowhere").download("a.txt");
    expect(noBucket.error).toMatchObject({ statusCode: "404", message: "Bucket not found" });
    const uploadNoBucket = await admin.storage.from("nowhere").upload("a.txt", "x");
    expect(uploadNoBucket.error?.message).toBe("Bucket not found");
  });

  it("moves and copies objects, keeping the id on move", async () => {
    const files = kit().admin.storage.from("docs");
    const original = await files.upload("mv/source.txt", "move me");
    const moved = await files.move("mv/source.txt", "mv/target.txt");
    expect(moved).toEqual({ data: { message: "Successfully moved" }, error: null });
    expect((await files.download("mv/source.txt")).error?.message).toBe("Object not found");
    expect(await (await files.download("mv/target.txt")).data?.text()).toBe("move me");
    expect((await files.info("mv/target.txt")).data?.id).toBe(original.data?.id);

    await files.upload("mv/other.txt", "other");
    const clash = await files.move("mv/target.txt", "mv/other.txt");
    expect(clash.error).toMatchObject({ statusCode: "409" });

    const copied = await files.copy("mv/target.txt", "mv/copy.txt");
    expect(copied).toEqual({ data: { path: "docs/mv/copy.txt" }, error: null });
    expect(await (await files.download("mv/copy.txt")).data?.text()).toBe("move me");
    expect(await (await files.download("mv/target.txt")).data?.text()).toBe("move me");
    const copyClash = await files.copy("mv/target.txt", "mv/copy.txt");
    expect(copyClash.error).toMatchObject({ statusCode: "409" });
  });

  it("moves across buckets", async () => {
    const { admin } = kit();
    await admin.storage.createBucket("archive");
    await admin.storage.from("docs").upload("to-archive.txt", "old");
    const moved = await admin.storage
      .from("docs")
      .move("to-archive.txt", "2025/old.txt", { destinationBucket: "archive" });
    expect(moved.error).toBeNull();
    expect(await (await admin.storage.from("archive").download("2025/old.txt")).data?.text()).toBe(
      "old",
    );
  });

  it("removes many objects at once and reports what was removed", async () => {
    const files = kit().admin.storage.from("docs");
    await files.upload("rm/a.txt", "a");
    await files.upload("rm/b.txt", "b");
    const removed = await files.remove(["rm/a.txt", "rm/b.txt", "rm/never.txt"]);
    expect(removed.error).toBeNull();
    expect(removed.data?.map((o) => o.name).sort()).toEqual(["rm/a.txt", "rm/b.txt"]);
    expect(removed.data?.[0]).toMatchObject({ bucket_id: "docs", owner: "", owner_id: "" });
    expect((await files.download("rm/a.txt")).error?.message).toBe("Object not found");
    expect(await files.remove(["rm/a.txt"])).toEqual({ data: [], error: null });
  });

  it("lets exactly one of several racing uploads of one name win", async () => {
    const files = kit().admin.storage.from("docs");
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => files.upload("race.txt", `writer ${i}`)),
    );
    const winners = results.filter((r) => r.error === null);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.error?.statusCode === "409")).toHaveLength(5);
    const upserts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        files.upload("race.txt", `upsert ${i}`, { upsert: true }),
      ),
    );
    expect(upserts.every((r) => r.error === null)).toBe(true);
    expect(await (await files.download("race.txt")).data?.text()).toMatch(/^upsert \d$/);
  });

  it("leaves exactly one file per row on disk after all of the above", async () => {
    const { stack } = kit();
    const { rows } = await stack.context.pools.admin.query<{ path: string }>(
      "select bucket_id || '/' || version as path from storage.objects",
    );
    const onDisk = (await listFiles(join(stack.context.dataDir, "storage"))).sort();
    expect(onDisk).toEqual(rows.map((r) => r.path).sort());
  });
});
