// A 200 MB upload and download through supabase-js and the gateway. The stack runs in this test
// process and the client in a child process, so this process's memory is the server's: if any
// layer buffered the file it would grow by hundreds of MB; streaming keeps it to socket buffers
// and chunks the garbage collector has not reclaimed yet.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();
const SIZE = 200 * 1024 * 1024;
const CLIENT = fileURLToPath(new URL("./support/big-file-client.ts", import.meta.url));
/** Socket chunks are garbage until V8 collects them, so the measured growth depends on GC timing
 * (0–70 MB seen here under load); half the file still fails the moment anything buffers it. */
const MAX_GROWTH = 100 * 1024 * 1024;

function expectedMd5(): string {
  const hash = createHash("md5");
  const chunk = Buffer.alloc(65536); // one reused buffer: no garbage to skew the baseline
  for (let i = 0; i < SIZE / 65536; i += 1) hash.update(chunk.fill(i % 251));
  return hash.digest("hex");
}

async function runClient(mode: "upload" | "download", name: string) {
  const { stack } = kit();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [CLIENT, mode, stack.apiUrl, stack.secretKey, "large", name, String(SIZE)],
      { cwd: fileURLToPath(new URL(".", import.meta.url)) },
    );
    return {
      result: JSON.parse(stdout.trim()) as Record<string, unknown>,
      growth: peak - baseline,
    };
  } finally {
    clearInterval(timer);
  }
}

describe("large files", () => {
  it("streams 200 MB up and down without buffering the file", { timeout: 240_000 }, async () => {
    await kit().admin.storage.createBucket("large");
    // Starts the hashing worker thread (its fixed ~15 MB is not buffering) before measuring.
    const warmUp = await kit()
      .admin.storage.from("large")
      .upload("warm-up.bin", Buffer.alloc(2 * 1024 * 1024));
    expect(warmUp.error).toBeNull();
    const md5 = expectedMd5();

    const upload = await runClient("upload", "big.bin");
    expect(upload.result).toEqual({ error: null });
    const info = await kit().admin.storage.from("large").info("big.bin");
    expect(info.data).toMatchObject({ size: SIZE, etag: `"${md5}"` });

    const download = await runClient("download", "big.bin");
    expect(download.result).toEqual({ error: null, received: SIZE, md5 });

    console.log(
      `200 MB: server rss growth upload ${(upload.growth / 2 ** 20).toFixed(1)} MB, download ${(download.growth / 2 ** 20).toFixed(1)} MB`,
    );
    expect(upload.growth).toBeLessThan(MAX_GROWTH);
    expect(download.growth).toBeLessThan(MAX_GROWTH);
  });
});
