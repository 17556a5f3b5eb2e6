// Object bytes out: GET/HEAD on /object/{b}/{p}, /object/authenticated/…, /object/public/… and
// /object/sign/…?token=. Streams from disk with single-range support, ETag/If-Modified-Since
// revalidation, and the headers Storage sends. HEAD answers from the row, not the file.
import type { ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { errors } from "./errors.ts";
import type { Handler, HandlerContext } from "./handler-context.ts";
import { header } from "./http.ts";
import { type Access, findObject } from "./object-read.ts";
import { parseRange } from "./range.ts";
import type { ObjectRow } from "./rows.ts";
import { verifyToken } from "./signed-token.ts";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

function contentDisposition(url: URL): string | undefined {
  if (!url.searchParams.has("download")) return undefined;
  const name = url.searchParams.get("download") ?? "";
  if (name === "") return "attachment;";
  const encoded = encodeURIComponent(name);
  return `attachment; filename=${encoded}; filename*=UTF-8''${encoded}`;
}

function baseHeaders(row: ObjectRow, url: URL, expires: number | null): Record<string, string> {
  const meta = row.metadata ?? {};
  const mimetype = text(meta.mimetype) ?? "application/octet-stream";
  const headers: Record<string, string> = {
    // Storage never serves HTML as HTML from a user bucket.
    "content-type": mimetype.includes("text/html") ? "text/plain" : mimetype,
    "accept-ranges": "bytes",
    "x-robots-tag": text(meta.xRobotsTag) ?? "none",
  };
  const etag = text(meta.eTag);
  if (etag) headers.etag = etag;
  if (expires === null) headers["cache-control"] = text(meta.cacheControl) ?? "no-cache";
  else headers.expires = new Date(expires * 1000).toUTCString();
  const disposition = contentDisposition(url);
  if (disposition) headers["content-disposition"] = disposition;
  return headers;
}

function notModified(ctx: HandlerContext, etag: string | undefined, modified: Date): boolean {
  const ifNoneMatch = header(ctx.req, "if-none-match");
  if (ifNoneMatch !== undefined) return ifNoneMatch === etag;
  const since = header(ctx.req, "if-modified-since");
  return since !== undefined && Date.parse(since) >= Math.floor(modified.getTime() / 1000) * 1000;
}

async function sendBytes(
  ctx: HandlerContext,
  row: ObjectRow,
  expires: number | null,
): Promise<void> {
  const { req, res, url, deps } = ctx;
  const headers = baseHeaders(row, url, expires);
  const ifNoneMatch = header(req, "if-none-match");
  if (ifNoneMatch !== undefined && ifNoneMatch !== headers.etag && headers["cache-control"]) {
    headers["cache-control"] += ", stale-while-revalidate=30";
  }
  const stats = row.version ? await deps.blobs.stat(row.bucket_id, row.version) : null;
  if (!stats) {
    res.setHeader("cache-control", "no-store");
    throw errors.blobMissing();
  }
  headers["last-modified"] = stats.mtime.toUTCString();
  if (notModified(ctx, headers.etag, stats.mtime)) {
    res.writeHead(304, headers).end();
    return;
  }
  const rangeHeader = header(req, "range");
  const range = rangeHeader === undefined ? undefined : parseRange(rangeHeader, stats.size);
  const version = row.version as string;
  if (range) {
    headers["content-range"] = `bytes ${range.start}-${range.end}/${stats.size}`;
    headers["content-length"] = String(range.end - range.start + 1);
  } else {
    headers["content-length"] = String(stats.size);
  }
  res.writeHead(range ? 206 : 200, headers);
  await pipeline(deps.blobs.read(row.bucket_id, version, range), res).catch(() => {
    res.destroy(); // client went away or the file vanished mid-stream
  });
}

function sendHead(res: ServerResponse, row: ObjectRow, url: URL): void {
  const headers = baseHeaders(row, url, null);
  const meta = row.metadata ?? {};
  headers["content-length"] = String(Number(meta.contentLength ?? meta.size ?? 0));
  const modified = text(meta.lastModified);
  if (modified) headers["last-modified"] = new Date(modified).toUTCString();
  res.writeHead(200, headers).end();
}

export function readObject(access: Access): Handler {
  return async (ctx) => {
    const row = await findObject(ctx, access);
    if (ctx.req.method === "HEAD") sendHead(ctx.res, row, ctx.url);
    else await sendBytes(ctx, row, null);
  };
}

export const readSignedObject: Handler = async (ctx) => {
  const { bucket, key } = ctx.params;
  const claims = await verifyToken(
    ctx.deps.keys.jwtSecret,
    ctx.url.searchParams.get("token"),
    `${bucket}/${key}`,
    "download",
  );
  const row = await findObject(ctx, "service");
  if (ctx.req.method === "HEAD") {
    sendHead(ctx.res, row, ctx.url);
    return;
  }
  await sendBytes(ctx, row, claims.exp ?? null);
};
