// GET /object/info[/authenticated|/public]/{b}/{p}: the row as storage-js `info()`/`exists()`
// expect it (snake_case; `metadata` is the user metadata; `last_modified` is the row's updated_at).

import type { Handler } from "./handler-context.ts";
import { sendJson } from "./http.ts";
import type { Access } from "./object-read.ts";
import { findObject } from "./object-read.ts";

const orNull = (value: unknown) => (value === undefined ? null : value);

export function objectInfo(access: Access): Handler {
  return async (ctx) => {
    const row = await findObject(ctx, access);
    const meta = row.metadata ?? {};
    if (typeof meta.eTag === "string") ctx.res.setHeader("etag", meta.eTag);
    if (typeof meta.cacheControl === "string")
      ctx.res.setHeader("cache-control", meta.cacheControl);
    ctx.res.setHeader("last-modified", row.updated_at.toUTCString());
    sendJson(ctx.res, 200, {
      id: row.id,
      name: row.name,
      version: row.version,
      bucket_id: row.bucket_id,
      size: orNull(meta.size),
      content_type: orNull(meta.mimetype),
      cache_control: orNull(meta.cacheControl),
      etag: orNull(meta.eTag),
      metadata: row.user_metadata,
      last_modified: row.updated_at.toISOString(),
      created_at: row.created_at.toISOString(),
    });
  };
}
