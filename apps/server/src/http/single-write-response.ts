// tRPC's node adapter streams every response: it writes the body, then ends it on a later tick,
// so each answer goes out chunked in two socket writes. Our tRPC answers are small JSON documents
// (streaming links are not used), so collect the body and send it once, with a Content-Length.
// That saves a syscall and the chunk framing on every request. Streaming requests are left alone.
import type { RequestHandler, Response } from "express";

type Callback = (error?: Error | null) => void;

function asBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(
    String(chunk),
    typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
  );
}

export function singleWriteResponse(): RequestHandler {
  return (req, res, next) => {
    const streaming =
      req.headers["trpc-accept"] === "application/jsonl" ||
      (req.headers.accept ?? "").includes("text/event-stream");
    if (streaming) return next();

    const chunks: Buffer[] = [];
    const end = res.end.bind(res);
    const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      chunks.push(asBuffer(chunk, encoding));
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") queueMicrotask(() => (done as Callback)());
      return true;
    };
    const finish = (chunk?: unknown, encoding?: unknown, callback?: unknown): Response => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
        chunks.push(asBuffer(chunk, encoding));
      }
      const done = [chunk, encoding, callback].find((arg) => typeof arg === "function") as
        | Callback
        | undefined;
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      if (!res.headersSent) res.setHeader("Content-Length", body.length);
      return done ? end(body, done) : end(body);
    };
    res.write = write as Response["write"];
    res.end = finish as Response["end"];
    next();
  };
}
