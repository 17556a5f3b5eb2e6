// Refusals lose nothing and leave nothing: size and MIME limits, cut-off uploads, and hostile
// names that try to reach outside the data folder.

import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { interruptedUpload, listFiles, rawRequest } from "./support/files.ts";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();

async function rowCount(bucket: string): Promise<number> {
  const { rows } = await kit().stack.context.pools.admin.query<{ n: number }>(
    "select count(*)::int as n from storage.objects where bucket_id = $1",
    [bucket],
  );
  return rows[0]?.n ?? -1;
}

const storageRoot = () => join(kit().stack.context.dataDir, "storage");

describe("size and MIME limits", () => {
  beforeAll(async () => {
    const { admin } = kit();
    await admin.storage.createBucket("small", { public: false, fileSizeLimit: 10 });
    await admin.storage.createBucket("png-only", {
      public: false,
      allowedMimeTypes: ["image/png"],
    });
  });

  it("refuses bodies over the bucket limit, raw, multipart and chunked, leaving nothing", async () => {
    const files = kit().admin.storage.from("small");
    expect((await files.upload("ten.txt", "0123456789")).error).toBeNull();
    const raw = await files.upload("raw.txt", "0123456789X");
    expect(raw.error).toMatchObject({
      statusCode: "413",
      message: "The object exceeded the maximum allowed size",
    });
    const multipart = await files.upload("multi.txt", new Blob(["0123456789X"]));
    expect(multipart.error?.statusCode).toBe("413");
    const stream = Readable.toWeb(Readable.from([Buffer.from("01234"), Buffer.from("56789X")]));
    const chunked = await files.upload("chunked.txt", stream as ReadableStream, { duplex: "half" });
    expect(chunked.error?.statusCode).toBe("413");
    // Far past the limit: the refusal must still arrive as an answer, not a reset connection.
    const big = Readable.from(Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, 1)));
    const bigChunked = await files.upload("big.txt", big, { duplex: "half" });
    expect(bigChunked.error).toMatchObject({ statusCode: "413" });
    const bigMultipart = await files.upload("big.bin", new Blob([Buffer.alloc(4 * 1024 * 1024)]));
    expect(bigMultipart.error).toMatchObject({ statusCode: "413" });

    expect(await rowCount("small")).toBe(1);
    const onDisk = await listFiles(storageRoot());
    expect(onDisk.filter((f) => f.startsWith("small/"))).toHaveLength(1);
    expect(onDisk.filter((f) => f.startsWith(".tmp/"))).toEqual([]);
  });

  it("refuses MIME types the bucket does not allow, by exact type", async () => {
    const files = kit().admin.storage.from("png-only");
    const text = await files.upload("a.txt", "text");
    expect(text.error).toMatchObject({
      statusCode: "415",
      message: "mime type text/plain;charset=UTF-8 is not supported",
    });
    const png = await files.upload("a.png", new Blob(["png"], { type: "image/png" }));
    expect(png.error).toBeNull();
    expect(await rowCount("png-only")).toBe(1);
  });

  it("accepts an empty folder placeholder only when it is empty", async () => {
    const files = kit().admin.storage.from("png-only");
    expect((await files.upload("dir/.emptyFolderPlaceholder", "")).error).toBeNull();
    const full = await files.upload("other/.emptyFolderPlaceholder", "x");
    expect(full.error?.statusCode).toBe("413");
  });

  it("keeps nothing of an upload cut off halfway", async () => {
    const { stack, apiUrl } = { stack: kit().stack, apiUrl: kit().stack.apiUrl };
    await interruptedUpload(
      apiUrl,
      "/storage/v1/object/png-only/cut.png",
      { apikey: stack.secretKey, "content-type": "image/png" },
      1_000_000,
      300_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows } = await stack.context.pools.admin.query(
      "select 1 from storage.objects where name = 'cut.png'",
    );
    expect(rows).toEqual([]);
    expect((await listFiles(storageRoot())).filter((f) => f.startsWith(".tmp/"))).toEqual([]);
  });
});

describe("hostile names", () => {
  beforeAll(async () => {
    await kit().admin.storage.createBucket("names");
  });

  const headers = () => ({
    apikey: kit().stack.secretKey,
    "content-type": "text/plain",
  });

  it("stores keys with '..', encoded slashes and leading slashes as plain names", async () => {
    const { stack } = kit();
    for (const [path, key] of [
      ["..%2F..%2F..%2Fescape.txt", "../../../escape.txt"],
      ["%2Fetc%2Fpasswd", "/etc/passwd"],
      ["a%2F..%2F..%2Fb.txt", "a/../../b.txt"],
    ] as const) {
      const put = await rawRequest(stack.apiUrl, {
        method: "POST",
        path: `/storage/v1/object/names/${path}`,
        headers: headers(),
        body: `content of ${key}`,
      });
      expect(put.status).toBe(200);
      expect(JSON.parse(put.body)).toMatchObject({ Key: `names/${key}` });
      const got = await rawRequest(stack.apiUrl, {
        method: "GET",
        path: `/storage/v1/object/names/${path}`,
        headers: headers(),
      });
      expect(got.body).toBe(`content of ${key}`);
    }
    const files = await listFiles(stack.context.dataDir);
    expect(files.filter((f) => f.includes("escape") || f.includes("passwd"))).toEqual([]);
    for (const f of await listFiles(storageRoot())) {
      expect(f).toMatch(/^(names|[\w.-]+|%[0-9a-f]+)\/[0-9a-f-]{36}$/);
    }
  });

  it("refuses NUL, backslashes, non-ASCII and empty keys with InvalidKey", async () => {
    const { stack } = kit();
    for (const path of ["a%00b.txt", "..%5C..%5Cwin.txt", "caf%C3%A9.txt", "%3Cscript%3E"]) {
      const put = await rawRequest(stack.apiUrl, {
        method: "POST",
        path: `/storage/v1/object/names/${path}`,
        headers: headers(),
        body: "x",
      });
      expect(put.status).toBe(400);
      const body = JSON.parse(put.body) as { statusCode: string; message: string };
      expect(body.statusCode).toBe("400");
      expect(body.message).toBe(`Invalid key: ${decodeURIComponent(path)}`);
    }
    const malformed = await rawRequest(stack.apiUrl, {
      method: "GET",
      path: "/storage/v1/object/names/%E0%A4%A",
      headers: headers(),
    });
    expect(JSON.parse(malformed.body)).toMatchObject({ statusCode: "400", code: "InvalidKey" });
    expect(await rowCount("names")).toBe(3);
  });

  // A bucket called ".." is valid too, but no HTTP client or gateway can address it: URL parsing
  // collapses the segment. "..." survives URL parsing and is just as unusable as a folder name.
  it("keeps hostile bucket ids inside the storage folder", async () => {
    const { admin, stack } = kit();
    expect((await admin.storage.createBucket("...")).error).toBeNull();
    const put = await rawRequest(stack.apiUrl, {
      method: "POST",
      path: "/storage/v1/object/.../x.txt",
      headers: headers(),
      body: "in the dot-dot bucket",
    });
    expect(JSON.parse(put.body)).toMatchObject({ Key: ".../x.txt" });
    const files = await listFiles(storageRoot());
    expect(files.some((f) => f.startsWith("%2e2e2e/"))).toBe(true);
    const bad = await admin.storage.createBucket("a\\b");
    expect(bad.error?.message).toBe("Bucket name invalid");
  });
});
