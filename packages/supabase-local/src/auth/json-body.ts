// Request bodies: JSON only, at most 1 MiB (GoTrue's limit). Unknown fields are kept so that
// handlers can ignore them; auth-js sends several (gotrue_meta_security, options, …).
import type { IncomingMessage } from "node:http";
import { AuthError } from "./errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export type JsonObject = Record<string, unknown>;

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(): AuthError {
  return new AuthError(413, "request_entity_too_large", "Request body too large");
}

/** Reads the body as a JSON object. An empty body is `{}` (auth-js sends none on some calls). */
export async function readJsonObject(req: IncomingMessage): Promise<JsonObject> {
  const raw = await readRaw(req);
  if (raw.length === 0) return {};
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (type && !type.startsWith("application/json")) {
    throw new AuthError(
      400,
      "bad_json",
      `Could not read body: unsupported content type "${type}", expected application/json`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw new AuthError(
      400,
      "bad_json",
      `Could not parse request body as JSON: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AuthError(
      400,
      "bad_json",
      "Could not parse request body as JSON: expected an object",
    );
  }
  return parsed as JsonObject;
}

/** Field readers: a wrong type is a 400, `null` counts as absent (auth-js sends nulls). */
export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string")
    throw new AuthError(400, "bad_json", `Field "${key}" must be a string`);
  return value;
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean")
    throw new AuthError(400, "bad_json", `Field "${key}" must be a boolean`);
  return value;
}

export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new AuthError(400, "bad_json", `Field "${key}" must be an object`);
  }
  return value as JsonObject;
}
