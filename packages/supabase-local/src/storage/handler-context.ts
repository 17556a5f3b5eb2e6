// What every storage route handler receives.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { KeyStore } from "../keys/key-store.ts";
import type { BlobStore } from "./blobs.ts";
import type { Db, RequestInfo } from "./db.ts";
import type { Identity } from "./identity.ts";

export interface StorageDeps {
  keys: KeyStore;
  db: Db;
  blobs: BlobStore;
  /** The service_role identity used for Storage's own (RLS-bypassing) statements. */
  service: Identity;
  /** Stack-wide upload limit in bytes (config.toml `[storage] file_size_limit`). */
  globalLimit: number;
  /** Lifetime of signed upload URLs in seconds. */
  signedUploadExpiresIn: number;
  log: (line: string) => void;
}

export interface HandlerContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Decoded path parameters: `bucket` and (object routes) `key`. */
  params: { bucket: string; key: string };
  authorization: string | null;
  deps: StorageDeps;
  /** Method, path, headers and operation name for the request.* settings. */
  info: RequestInfo;
}

export type Handler = (ctx: HandlerContext) => Promise<void>;

export interface Route {
  method: string;
  /** Segments: literals, `:bucket` (one segment) or `*` (the rest, the object key). */
  pattern: string[];
  operation: string;
  handler: Handler;
}
