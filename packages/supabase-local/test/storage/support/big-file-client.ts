// Child-process client for the large-file test: uploads or downloads a generated file with
// supabase-js and prints a JSON line. Running it in its own process keeps the client's buffers
// out of the memory measured in the test process, which hosts the stack.
//   node big-file-client.ts upload|download <apiUrl> <secretKey> <bucket> <name> <bytes>
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createClient } from "@supabase/supabase-js";

const [mode, apiUrl = "", key = "", bucket = "", name = "", bytes = "0"] = process.argv.slice(2);
const size = Number(bytes);
const CHUNK = 64 * 1024;

/** Deterministic content, so both sides can compute the same MD5 without storing the file. */
function* generatedChunks(total: number): Generator<Buffer> {
  for (let i = 0; i < total / CHUNK; i += 1) yield Buffer.alloc(CHUNK, i % 251);
}

const files = createClient(apiUrl, key, { auth: { persistSession: false } }).storage.from(bucket);
if (mode === "upload") {
  const result = await files.upload(name, Readable.from(generatedChunks(size)), {
    contentType: "application/octet-stream",
    duplex: "half",
  });
  console.log(JSON.stringify({ error: result.error?.message ?? null }));
} else if (mode === "download") {
  const result = await files.download(name).asStream();
  const hash = createHash("md5");
  let received = 0;
  for await (const chunk of Readable.fromWeb(result.data as never) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    received += chunk.length;
  }
  console.log(
    JSON.stringify({ error: result.error?.message ?? null, received, md5: hash.digest("hex") }),
  );
}
