// Uploads past a megabyte, where the MD5 for the ETag is computed by a worker thread reading the
// temp file back: the digest must still be the content's, and refused or cut-off uploads must
// still leave neither row nor file (nor break the next upload).
import { createHash } from "node:crypto";
import { connect } from "node:net";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { interruptedUpload, listFiles } from "./support/files.ts";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();
const MiB = 1024 * 1024;

/** `size` bytes of a repeating but not constant pattern, in 64 KiB chunks, as a Node stream. */
function pattern(size: number): { stream: () => Readable; md5: string } {
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < chunk.length; i += 1) chunk[i] = (i * 7 + (i >> 9)) % 256;
  const count = Math.ceil(size / chunk.length);
  const md5 = createHash("md5");
  for (let i = 0; i < count; i += 1)
    md5.update(chunk.subarray(0, Math.min(chunk.length, size - i * chunk.length)));
  return {
    md5: md5.digest("hex"),
    stream: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < count; i += 1)
            yield chunk.subarray(0, Math.min(chunk.length, size - i * chunk.length));
        })(),
      ),
  };
}

async function leftovers(bucket: string, name: string) {
  const { stack } = kit();
  const { rows } = await stack.context.pools.admin.query(
    "select 1 from storage.objects where bucket_id = $1 and name = $2",
    [bucket, name],
  );
  const temp = (await listFiles(join(stack.context.dataDir, "storage"))).filter((f) =>
    f.startsWith(".tmp/"),
  );
  return { rows: rows.length, temp };
}

describe("large uploads", () => {
  beforeAll(async () => {
    await kit().admin.storage.createBucket("big");
    await kit().admin.storage.createBucket("capped", { public: false, fileSizeLimit: 3 * MiB });
  });

  it("records the content's MD5 for a streamed upload without content-length", async () => {
    const body = pattern(5 * MiB + 123);
    const files = kit().admin.storage.from("big");
    const up = await files.upload("chunked.bin", body.stream(), { duplex: "half" });
    expect(up.error).toBeNull();
    const info = await files.info("chunked.bin");
    expect(info.data).toMatchObject({ size: 5 * MiB + 123, etag: `"${body.md5}"` });
    const down = await files.download("chunked.bin");
    const bytes = Buffer.from(await (down.data as Blob).arrayBuffer());
    expect(createHash("md5").update(bytes).digest("hex")).toBe(body.md5);
  });

  it("refuses a streamed upload past the bucket limit and keeps nothing", async () => {
    const files = kit().admin.storage.from("capped");
    const up = await files.upload("over.bin", pattern(6 * MiB).stream(), { duplex: "half" });
    expect(up.error).toMatchObject({ statusCode: "413" });
    expect(await leftovers("capped", "over.bin")).toEqual({ rows: 0, temp: [] });
  });

  it("keeps nothing of a large upload cut off after megabytes, and uploads on", async () => {
    const { stack } = kit();
    await interruptedUpload(
      stack.apiUrl,
      "/storage/v1/object/big/cut.bin",
      { apikey: stack.secretKey, "content-type": "application/octet-stream" },
      20 * MiB,
      6 * MiB,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await leftovers("big", "cut.bin")).toEqual({ rows: 0, temp: [] });

    const body = pattern(3 * MiB);
    const files = kit().admin.storage.from("big");
    expect((await files.upload("after.bin", body.stream(), { duplex: "half" })).error).toBeNull();
    expect((await files.info("after.bin")).data).toMatchObject({ etag: `"${body.md5}"` });
  });

  it("keeps nothing of an upload whose client hung up before its body was read", async () => {
    const { stack } = kit();
    const { hostname, port } = new URL(stack.apiUrl);
    // Headers and a few bytes, then the connection is closed at once: it is gone before the
    // handler has checked the bucket and the caller's rights and starts reading the body.
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.end(
          `POST /storage/v1/object/big/gone.bin HTTP/1.1\r\nhost: ${hostname}\r\n` +
            `apikey: ${stack.secretKey}\r\ncontent-type: application/octet-stream\r\n` +
            `content-length: ${8 * MiB}\r\n\r\nfirst bytes`,
        );
        socket.destroy();
      });
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await leftovers("big", "gone.bin")).toEqual({ rows: 0, temp: [] });
  });
});
