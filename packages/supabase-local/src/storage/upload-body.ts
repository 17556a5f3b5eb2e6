// Reads an upload request up to the start of the file bytes: a raw body (the whole body is the
// file, headers carry type/cache-control/x-metadata) or multipart/form-data (the first file part
// under any field name, `""` included; text fields before it carry cacheControl/contentType/metadata).
// The bytes themselves are handed on as a stream and never buffered.
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { errors } from "./errors.ts";
import { drain, header } from "./http.ts";

const MAX_USER_METADATA = 1024 * 1024;

export interface UploadBody {
  mimetype: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
  /** The file bytes. */
  stream: Readable;
  /** Consumes whatever is left of the request (after a refusal or after the file). */
  finish(): Promise<void>;
}

function parseUserMetadata(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  if (Buffer.byteLength(text) > MAX_USER_METADATA) throw errors.metadataTooLarge();
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null; // Storage ignores metadata it cannot read.
  }
}

function rawBody(req: IncomingMessage): UploadBody {
  const xMetadata = header(req, "x-metadata");
  return {
    mimetype: header(req, "content-type") || "application/octet-stream",
    cacheControl: header(req, "cache-control") || "no-cache",
    userMetadata: xMetadata
      ? parseUserMetadata(Buffer.from(xMetadata, "base64").toString("utf8"))
      : null,
    stream: req,
    finish: () => drain(req),
  };
}

function multipartBody(req: IncomingMessage): Promise<UploadBody> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let started = false;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fieldSize: MAX_USER_METADATA + 1, fields: 100, parts: 1000 },
      });
    } catch (error) {
      reject(
        errors.invalidRequest(error instanceof Error ? error.message : "Malformed multipart body"),
      );
      return;
    }
    const done = new Promise<void>((resolveDone) => {
      parser.on("close", resolveDone);
      parser.on("error", () => resolveDone());
      req.on("close", () => resolveDone());
    });
    parser.on("field", (name, value) => fields.set(name, value));
    parser.on("file", (_name, file, info) => {
      if (started) {
        file.resume(); // only the first file part is stored, as Storage does
        return;
      }
      started = true;
      const cacheControl = fields.get("cacheControl");
      try {
        resolve({
          mimetype: fields.get("contentType") || info.mimeType || "application/octet-stream",
          cacheControl: cacheControl ? `max-age=${cacheControl}` : "no-cache",
          userMetadata: parseUserMetadata(fields.get("metadata") ?? fields.get("userMetadata")),
          stream: file,
          async finish() {
            file.resume();
            await drain(req);
            await done;
          },
        });
      } catch (error) {
        file.resume();
        reject(error);
      }
    });
    parser.on("close", () => {
      if (!started) reject(errors.invalidRequest("No content provided"));
    });
    parser.on("error", (error: Error) => {
      if (!started) reject(errors.invalidRequest(error.message));
    });
    req.pipe(parser);
  });
}

export function readUploadBody(req: IncomingMessage): Promise<UploadBody> {
  const type = header(req, "content-type") ?? "";
  return type.toLowerCase().startsWith("multipart/form-data")
    ? multipartBody(req)
    : Promise.resolve(rawBody(req));
}
