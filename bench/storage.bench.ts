// Storage throughput: upload and download of a 100 MB file through the gateway with supabase-js
// (upload) and a streaming fetch (download, written to disk), against copying the same file on
// disk in the same run; then small-object uploads per second. Prints figures and ratios.
// Two reference uploads of the same raw body show what the client costs: plain fetch (the
// transport supabase-js uses) and node:http (close to no client cost: the server's own speed);
// supabase-js against a server that discards the body shows the client's own ceiling, and
// supabase-js fed 1 MiB file reads instead of the default 64 KiB what an app can save on its side.
// The stack runs in a child process (this file with `--serve`), as it would next to an app, so the
// client's work does not share the server's event loop.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, openAsBlob, readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { startTestStack } from "@docket/supabase-local/testing";
import { createClient } from "@supabase/supabase-js";

if (process.argv[2] === "--serve") {
  const served = await startTestStack({ supabaseDir: process.argv[3] ?? "" });
  console.log(JSON.stringify({ apiUrl: served.apiUrl, secretKey: served.secretKey }));
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once("end", resolve));
  await served.stop();
  process.exit(0);
}
if (process.argv[2] === "--discard") {
  // Reads and drops upload bodies, answering as Storage does: what the client alone costs.
  const sink = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" }).end('{"Id":"-","Key":"-"}');
    });
  });
  sink.listen(0, "127.0.0.1", () => {
    console.log(
      JSON.stringify({ apiUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}` }),
    );
  });
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once("end", resolve));
  process.exit(0);
}

const SIZE = 100 * 1024 * 1024;
const ROUNDS = 3;
const SMALL_COUNT = 400;
const SMALL_CONCURRENCY = 8;

const work = await mkdtemp(join(tmpdir(), "storage-bench-"));
const supabaseDir = join(work, "supabase");
await mkdir(join(supabaseDir, "migrations"), { recursive: true });
await writeFile(
  join(supabaseDir, "config.toml"),
  'project_id = "storage-bench"\n[storage]\nfile_size_limit = "200MiB"\n',
);

const source = join(work, "source.bin");
{
  // Random bytes, written in 1 MiB chunks so the generator itself stays small.
  const chunk = Buffer.alloc(1024 * 1024);
  const out = createWriteStream(source);
  for (let i = 0; i < SIZE / chunk.length; i += 1) {
    for (let j = 0; j < chunk.length; j += 4)
      chunk.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, j);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}
const sourceMd5 = createHash("md5");
await pipeline(createReadStream(source), sourceMd5);
const expectedMd5 = sourceMd5.digest("hex");

/** Starts this file in `mode` as a child process; resolves with the JSON of its first line. */
async function startChild(mode: string, ...args: string[]) {
  const child = spawn(process.execPath, [import.meta.filename, mode, ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${mode} process exited (${code})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.stdin.end();
    });
  return { child, info: JSON.parse(firstLine) as { apiUrl: string; secretKey: string }, stop };
}
const { child: server, info: stack, stop: stopServer } = await startChild("--serve", supabaseDir);
const discard = await startChild("--discard");
const mbps = (ms: number) => SIZE / 1024 / 1024 / (ms / 1000);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** CPU time of the stack process (Linux /proc; 0 elsewhere), in ms. */
const serverCpuMs = () => {
  try {
    const fields =
      readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 Hz ticks
  } catch {
    return 0;
  }
};
/** Wall time of `fn`; its CPU time (this process, the stack process) goes to `cpu`. */
const cpu: Record<string, Array<[number, number]>> = {};
const time = async (fn: () => Promise<unknown>, label = "") => {
  const began = performance.now();
  const ownBefore = process.cpuUsage();
  const serverBefore = serverCpuMs();
  await fn();
  const own = process.cpuUsage(ownBefore);
  const spent: [number, number] = [(own.user + own.system) / 1000, serverCpuMs() - serverBefore];
  cpu[label] = [...(cpu[label] ?? []), spent];
  return performance.now() - began;
};

try {
  const admin = createClient(stack.apiUrl, stack.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const created = await admin.storage.createBucket("bench");
  if (created.error) throw created.error;
  const files = admin.storage.from("bench");
  const discarded = createClient(discard.info.apiUrl, stack.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  }).storage.from("bench");

  const streamCopy: number[] = [];
  const fileCopy: number[] = [];
  const upload: number[] = [];
  const upload2: number[] = [];
  const uploadDiscard: number[] = [];
  const uploadBigReads: number[] = [];
  const uploadFetch: number[] = [];
  const uploadHttp: number[] = [];
  const download: number[] = [];
  const downloadHttp: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const copyTarget = join(work, `copy-${round}.bin`);
    streamCopy.push(
      await time(
        () => pipeline(createReadStream(source), createWriteStream(copyTarget)),
        "disk copy (streams)",
      ),
    );
    await rm(copyTarget);
    fileCopy.push(await time(() => copyFile(source, copyTarget), "disk copy (copyFile)"));
    await rm(copyTarget);

    const name = `big-${round}.bin`;
    upload.push(
      await time(async () => {
        // A Node stream: Readable.toWeb() would read the file without backpressure.
        const result = await files.upload(name, createReadStream(source), {
          contentType: "application/octet-stream",
          duplex: "half",
        });
        if (result.error) throw result.error;
      }, "upload (supabase-js)"),
    );

    upload2.push(
      await time(async () => {
        const result = await files.upload(`blob-${round}.bin`, await openAsBlob(source), {
          contentType: "application/octet-stream",
        });
        if (result.error) throw result.error;
      }, "upload (File, multipart)"),
    );

    uploadBigReads.push(
      await time(async () => {
        // The same call with 1 MiB file reads: fetch's per-chunk cost is the client's largest.
        const stream = createReadStream(source, { highWaterMark: 1024 * 1024 });
        const result = await files.upload(`reads-${round}.bin`, stream, {
          contentType: "application/octet-stream",
          duplex: "half",
        });
        if (result.error) throw result.error;
      }, "upload (supabase-js, 1 MiB)"),
    );
    uploadDiscard.push(
      await time(async () => {
        const result = await discarded.upload(name, createReadStream(source), {
          contentType: "application/octet-stream",
          duplex: "half",
        });
        if (result.error) throw result.error;
      }, "supabase-js → discard"),
    );
    const rawUrl = (name: string) => `${stack.apiUrl}/storage/v1/object/bench/${name}`;
    const rawHeaders = { apikey: stack.secretKey, "content-type": "application/octet-stream" };
    uploadFetch.push(
      await time(async () => {
        const response = await fetch(rawUrl(`fetch-${round}.bin`), {
          method: "POST",
          headers: rawHeaders,
          body: createReadStream(source) as unknown as ReadableStream, // as supabase-js passes it
          duplex: "half",
        } as RequestInit);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`fetch upload: ${response.status}`);
      }, "upload (fetch, raw)"),
    );
    uploadHttp.push(
      await time(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request(
              rawUrl(`http-${round}.bin`),
              { method: "POST", headers: { ...rawHeaders, "content-length": SIZE } },
              (response) => {
                response.resume();
                response.on("end", () =>
                  response.statusCode === 200
                    ? resolve()
                    : reject(new Error(`node:http upload: ${response.statusCode}`)),
                );
              },
            );
            req.on("error", reject);
            createReadStream(source).pipe(req);
          }),
        "upload (node:http, raw)",
      ),
    );

    const downloaded = join(work, `down-${round}.bin`);
    download.push(
      await time(async () => {
        const response = await fetch(`${stack.apiUrl}/storage/v1/object/bench/${name}`, {
          headers: { apikey: stack.secretKey },
        });
        if (!response.ok || !response.body) throw new Error(`download: ${response.status}`);
        await pipeline(Readable.fromWeb(response.body), createWriteStream(downloaded));
      }, "download (fetch → disk)"),
    );
    const md5 = createHash("md5");
    await pipeline(createReadStream(downloaded), md5);
    if (md5.digest("hex") !== expectedMd5)
      throw new Error("downloaded bytes differ from the source");
    await rm(downloaded);
    downloadHttp.push(
      await time(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request(
              rawUrl(name),
              { headers: { apikey: stack.secretKey } },
              (response) => {
                if (response.statusCode !== 200)
                  reject(new Error(`download: ${response.statusCode}`));
                pipeline(response, createWriteStream(downloaded)).then(resolve, reject);
              },
            );
            req.on("error", reject);
            req.end();
          }),
        "download (node:http → disk)",
      ),
    );
    await rm(downloaded);
  }

  const small = Buffer.alloc(1024, 120);
  let next = 0;
  const smallMs = await time(() =>
    Promise.all(
      Array.from({ length: SMALL_CONCURRENCY }, async () => {
        while (next < SMALL_COUNT) {
          const i = next++;
          const result = await files.upload(`small/${i}.txt`, small, { contentType: "text/plain" });
          if (result.error) throw result.error;
        }
      }),
    ),
  );

  const row = (label: string, ms: number[]) => {
    const speed = mbps(median(ms));
    const client = median((cpu[label] ?? []).map((c) => c[0]));
    const server = median((cpu[label] ?? []).map((c) => c[1]));
    // Each round's ratio uses that round's stream copy, so load that comes and goes between
    // rounds moves both sides of a ratio; the median of the rounds' ratios is printed.
    const ratios = ms.map((m, i) => (streamCopy[i] ?? Number.NaN) / m);
    const ratio = `${median(ratios).toFixed(2)}× stream copy`;
    console.log(
      `${label.padEnd(28)} ${speed.toFixed(0).padStart(5)} MB/s  ${ratio}  CPU ms ${client.toFixed(0)} / ${server.toFixed(0)}`,
    );
  };
  const load = loadavg()[0]?.toFixed(1);
  console.log(
    `100 MiB file, median of ${ROUNDS} rounds (load average ${load} on ${cpus().length} CPUs)`,
  );
  console.log(
    "CPU: this process / the stack process; a busy machine lowers MB/s far more than CPU",
  );
  row("disk copy (streams)", streamCopy);
  row("disk copy (copyFile)", fileCopy);
  row("upload (supabase-js)", upload);
  row("upload (supabase-js, 1 MiB)", uploadBigReads);
  row("upload (File, multipart)", upload2);
  row("supabase-js → discard", uploadDiscard);
  row("upload (fetch, raw)", uploadFetch);
  row("upload (node:http, raw)", uploadHttp);
  row("download (fetch → disk)", download);
  row("download (node:http → disk)", downloadHttp);
  console.log(
    `small uploads (1 KiB, ${SMALL_CONCURRENCY} in flight): ${((SMALL_COUNT / smallMs) * 1000).toFixed(0)} uploads/s`,
  );
} finally {
  await Promise.all([stopServer(), discard.stop()]);
  await rm(work, { recursive: true, force: true });
}
