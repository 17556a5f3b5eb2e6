// The MD5 (Storage's ETag) of an upload, computed in the same pass as the write. Small uploads are
// hashed inline; once one passes INLINE_BYTES the hashing moves to a worker thread that reads the
// written bytes back from the page cache, so a large upload's hashing runs beside the event loop
// instead of on it (it was a third of the stack's CPU time per large upload).
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { HashReply, HashRequest } from "./md5-worker.ts";

/** Below this, a worker round trip costs more than hashing on the spot. */
const INLINE_BYTES = 1024 * 1024;
/** Progress is reported to the worker in steps of at least this many bytes. */
const REPORT_BYTES = 1024 * 1024;

export interface FileHash {
  /** Every chunk, in order, as it is handed to the file. */
  update(chunk: Buffer): void;
  /** How many bytes are on disk so far (the worker may read up to here). */
  written(bytes: number): void;
  /** The quoted hex MD5 once all `total` bytes are on disk. */
  eTag(total: number): Promise<string>;
  abort(): void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve(digest: string): void; reject(error: Error): void }>();

function hashWorker(): Worker {
  if (worker) return worker;
  // Node builtins only: none of the host process's flags (e.g. --input-type) apply to it.
  const started = new Worker(new URL("./md5-worker.ts", import.meta.url), { execArgv: [] });
  started.on("message", (reply: HashReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if ("digest" in reply) waiter?.resolve(reply.digest);
    else waiter?.reject(new Error(`hashing failed: ${reply.error}`));
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`hash worker exited (${code})`)));
  // Never what keeps the stack's process alive; after the listeners, which would ref it again.
  started.unref();
  worker = started;
  return started;
}

/** Hashes the file at `path` that the caller is writing chunk by chunk. */
export function hashFile(path: string): FileHash {
  const inline = createHash("md5");
  let received = 0;
  let id: number | null = null;
  let reported = 0;
  const send = (message: HashRequest) => hashWorker().postMessage(message);
  return {
    update(chunk) {
      received += chunk.length;
      if (id !== null) return;
      if (received <= INLINE_BYTES) {
        inline.update(chunk);
        return;
      }
      // From here on the worker hashes the whole file from its first byte.
      id = ++nextId;
      send({ id, path, written: 0 });
    },
    written(bytes) {
      if (id === null || bytes - reported < REPORT_BYTES) return;
      reported = bytes;
      send({ id, written: bytes });
    },
    eTag(total) {
      if (id === null) return Promise.resolve(`"${inline.digest("hex")}"`);
      const jobId = id;
      return new Promise<string>((resolve, reject) => {
        pending.set(jobId, { resolve: (digest) => resolve(`"${digest}"`), reject });
        send({ id: jobId, written: total, done: true });
      });
    },
    abort() {
      if (id !== null && worker) worker.postMessage({ id, abort: true } satisfies HashRequest);
      if (id !== null) pending.delete(id);
    },
  };
}
