// Worker thread for file-hash.ts: hashes files while they are being written. The writer reports
// how many bytes are on disk; this thread reads them back (from the page cache) into one reused
// buffer and feeds MD5, so the event loop of the stack never spends its time hashing.
import { createHash, type Hash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";

/** `path` starts a job, `written` says how far the file is on disk, `done` asks for the digest. */
export type HashRequest =
  | { id: number; path?: string; written: number; done?: true }
  | { id: number; abort: true };

export type HashReply = { id: number; digest: string } | { id: number; error: string };

interface Job {
  path: string;
  fd: number | null;
  hash: Hash;
  hashed: number;
}

const buffer = Buffer.allocUnsafe(1024 * 1024);
const jobs = new Map<number, Job>();

function catchUp(job: Job, written: number): void {
  // The file exists once bytes are on disk; it is opened only then.
  if (written > job.hashed && job.fd === null) job.fd = openSync(job.path, "r");
  while (job.fd !== null && job.hashed < written) {
    const read = readSync(
      job.fd,
      buffer,
      0,
      Math.min(buffer.length, written - job.hashed),
      job.hashed,
    );
    if (read === 0) throw new Error(`${job.path} is shorter than the ${written} bytes written`);
    job.hash.update(buffer.subarray(0, read));
    job.hashed += read;
  }
}

function close(id: number): void {
  const job = jobs.get(id);
  jobs.delete(id);
  if (job?.fd != null) closeSync(job.fd);
}

parentPort?.on("message", (message: HashRequest) => {
  const { id } = message;
  try {
    if ("abort" in message) return close(id);
    if (message.path !== undefined) {
      jobs.set(id, { path: message.path, fd: null, hash: createHash("md5"), hashed: 0 });
    }
    const job = jobs.get(id);
    if (!job) throw new Error("unknown hashing job"); // e.g. started on a worker that has died
    catchUp(job, message.written);
    if (message.done) {
      close(id);
      parentPort?.postMessage({ id, digest: job.hash.digest("hex") } satisfies HashReply);
    }
  } catch (error) {
    close(id);
    parentPort?.postMessage({ id, error: String(error) } satisfies HashReply);
  }
});
