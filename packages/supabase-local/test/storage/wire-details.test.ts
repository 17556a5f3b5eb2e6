// Wire details storage-js and browsers depend on: HEAD and info variants, raw x-metadata, copy
// with new metadata, single delete, router priorities, missing blobs, unknown routes, and HTML
// never being served as HTML.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();
const secretHeaders = () => ({ apikey: kit().stack.secretKey });
const url = (path: string) => `${kit().storageUrl}${path}`;

describe("wire details", () => {
  beforeAll(async () => {
    const { admin } = kit();
    await admin.storage.createBucket("wire");
    await admin.storage.createBucket("open", { public: true });
    await admin.storage.from("wire").upload("f.txt", "hello", { contentType: "text/plain" });
    await admin.storage
      .from("open")
      .upload("page.html", "<h1>x</h1>", { contentType: "text/html" });
  });

  it("answers HEAD from the row, with no body, on every variant", async () => {
    for (const path of ["/object/wire/f.txt", "/object/authenticated/wire/f.txt"]) {
      const head = await fetch(url(path), { method: "HEAD", headers: secretHeaders() });
      expect(head.status).toBe(200);
      expect(head.headers.get("content-length")).toBe("5");
      expect(head.headers.get("content-type")).toBe("text/plain");
      expect(await head.text()).toBe("");
    }
    const publicHead = await fetch(url("/object/public/open/page.html"), { method: "HEAD" });
    expect(publicHead.status).toBe(200);
    const missing = await fetch(url("/object/wire/none.txt"), {
      method: "HEAD",
      headers: secretHeaders(),
    });
    expect(missing.status).toBe(400);
  });

  it("serves info on the public and authenticated variants", async () => {
    const pub = await fetch(url("/object/info/public/open/page.html"), {
      headers: secretHeaders(),
    });
    expect(await pub.json()).toMatchObject({ name: "page.html", bucket_id: "open", size: 10 });
    const auth = await fetch(url("/object/info/authenticated/wire/f.txt"), {
      headers: secretHeaders(),
    });
    expect(await auth.json()).toMatchObject({ name: "f.txt", content_type: "text/plain" });
  });

  it("never serves stored HTML as HTML, and keeps an uploaded x-robots-tag", async () => {
    const response = await fetch(url("/object/public/open/page.html"));
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("x-robots-tag")).toBe("none");
    await kit()
      .admin.storage.from("open")
      .upload("indexed.txt", "i", { headers: { "x-robots-tag": "all" } });
    const indexed = await fetch(url("/object/public/open/indexed.txt"));
    expect(indexed.headers.get("x-robots-tag")).toBe("all");
  });

  it("revalidates with If-Modified-Since", async () => {
    const first = await fetch(url("/object/wire/f.txt"), { headers: secretHeaders() });
    const since = first.headers.get("last-modified") ?? "";
    expect(since).not.toBe("");
    const again = await fetch(url("/object/wire/f.txt"), {
      headers: { ...secretHeaders(), "if-modified-since": since },
    });
    expect(again.status).toBe(304);
  });

  it("reads x-metadata on raw uploads and replaces metadata on copy when asked", async () => {
    const files = kit().admin.storage.from("wire");
    const up = await files.upload("meta.txt", Buffer.from("m"), {
      contentType: "text/plain",
      metadata: { owner: "team-a" },
    });
    expect(up.error).toBeNull();
    expect((await files.info("meta.txt")).data?.metadata).toEqual({ owner: "team-a" });

    const copied = await files.copy("meta.txt", "meta-copy.txt", {
      copyMetadata: false,
      metadata: { cacheControl: "no-store", mimetype: "application/x-test" },
    });
    expect(copied.error).toBeNull();
    expect((await files.info("meta-copy.txt")).data).toMatchObject({
      cacheControl: "no-store",
      contentType: "application/x-test",
      metadata: {},
      size: 1,
    });
    const kept = await files.copy("meta.txt", "meta-kept.txt");
    expect(kept.error).toBeNull();
    expect((await files.info("meta-kept.txt")).data?.metadata).toEqual({ owner: "team-a" });
  });

  it("refuses a multipart upload without a file part and keeps nothing", async () => {
    const form = new FormData();
    form.append("cacheControl", "3600");
    const response = await fetch(url("/object/wire/empty-form.txt"), {
      method: "POST",
      headers: secretHeaders(),
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      statusCode: "400",
      message: "No content provided",
    });
    expect((await kit().admin.storage.from("wire").exists("empty-form.txt")).data).toBe(false);
  });

  it("deletes one object with DELETE /object/{bucket}/{path}", async () => {
    await kit().admin.storage.from("wire").upload("single.txt", "s");
    const response = await fetch(url("/object/wire/single.txt"), {
      method: "DELETE",
      headers: secretHeaders(),
    });
    expect(await response.json()).toEqual({ message: "Successfully deleted" });
    const again = await fetch(url("/object/wire/single.txt"), {
      method: "DELETE",
      headers: secretHeaders(),
    });
    expect(await again.json()).toMatchObject({ statusCode: "404", code: "NoSuchKey" });
  });

  it("routes a bucket named like a literal segment the way Storage does", async () => {
    const { admin } = kit();
    await admin.storage.createBucket("public");
    await admin.storage.from("public").upload("file.txt", "in bucket public");
    expect(await (await admin.storage.from("public").download("file.txt")).data?.text()).toBe(
      "in bucket public",
    );
  });

  it("answers a row whose file is gone with NoSuchKey and no-store", async () => {
    const { admin, stack } = kit();
    const up = await admin.storage.from("wire").upload("lost.txt", "soon gone");
    const { rows } = await stack.context.pools.admin.query<{ version: string }>(
      "select version from storage.objects where id = $1",
      [up.data?.id],
    );
    await rm(join(stack.context.dataDir, "storage", "wire", rows[0]?.version ?? "x"));
    const response = await fetch(url("/object/wire/lost.txt"), { headers: secretHeaders() });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      statusCode: "404",
      code: "NoSuchKey",
      message: "The resource was not found",
    });
  });

  it("answers unknown routes and image transforms with a 404 naming the route", async () => {
    const render = await kit()
      .admin.storage.from("wire")
      .download("f.txt", { transform: { width: 10 } });
    expect(render.error).toMatchObject({ status: 404 });
    expect(render.error?.message).toMatch(/image transformations are not supported/);
    const unknown = await fetch(url("/nope"), { headers: secretHeaders() });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: "Route GET:/nope not found" });
  });

  it("refuses the direct deletion of rows outside the API", async () => {
    const deletion = kit().stack.context.pools.admin.query(
      "delete from storage.objects where bucket_id = 'wire'",
    );
    await expect(deletion).rejects.toThrow(/Direct deletion from storage tables is not allowed/);
  });
});
