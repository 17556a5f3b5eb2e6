// Small HTTP helpers shared by the storage handlers: JSON in and out, the error envelope, and
// draining a request body we decided not to read (so the client still gets our answer).
import type { IncomingMessage, ServerResponse } from "node:http";
import { errors, StorageError } from "./errors.ts";

const JSON_TYPE = "application/json; charset=utf-8";
/** Storage's framework default for JSON request bodies. */
const MAX_JSON_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: StorageError, head = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (head) {
    res.writeHead(error.httpStatus).end();
    return;
  }
  sendJson(res, error.httpStatus, error.toJSON());
}

/** Reads the rest of a request and throws the bytes away, bounded by time, never by memory. */
export function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      req.destroy();
      resolve();
    }, 30_000);
    req.on("end", done);
    req.on("close", done);
    req.on("error", done);
    req.resume();
  });
}

/** Parses a JSON object body (absent or empty body = `{}`), at most 1 MiB. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) {
      throw new StorageError({
        statusCode: 413,
        code: "EntityTooLarge",
        label: "Payload Too Large",
        message: "Request body is too large",
        httpStatus: 413,
      });
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw errors.validation("Body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw errors.validation("body must be object");
  }
  return value as Record<string, unknown>;
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
