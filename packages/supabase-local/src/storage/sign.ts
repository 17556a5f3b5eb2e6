// Creating signed URLs. Download URLs need the object to be visible to the caller (RLS SELECT,
// even in public buckets); upload URLs need the caller to pass the INSERT (or upsert) probe.
// The URLs are relative to the storage root, as storage-js expects.
import { errors, fromDbError } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { header, readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { assertValidKey } from "./names.ts";
import { ownerOf } from "./object-write.ts";
import { signToken } from "./signed-token.ts";
import { stringArray } from "./validate.ts";

function expiresIn(body: Record<string, unknown>): number {
  const raw = body.expiresIn;
  if (raw === undefined) throw errors.validation("body must have required property 'expiresIn'");
  const value = typeof raw === "string" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw errors.validation("body/expiresIn must be integer");
  }
  const expiry = Math.floor(Date.now() / 1000) + value;
  if (value < 1 || !Number.isSafeInteger(expiry) || expiry * 1000 > 8.64e15)
    throw errors.invalidExpiresIn();
  return value;
}

export const signUrl: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const seconds = expiresIn(body);
  assertValidKey(params.key);
  const visible = await deps.db.run(identity, info, async (tx) => {
    const result = await tx.query(
      "select 1 from storage.objects where bucket_id = $1 and name = $2",
      [params.bucket, params.key],
    );
    return result.rowCount === 1;
  });
  if (!visible) throw errors.noSuchKey();
  const url = `${params.bucket}/${params.key}`;
  const token = await signToken(deps.keys.jwtSecret, { url, scope: "download" }, seconds);
  sendJson(res, 200, { signedURL: `/object/sign/${url}?token=${token}` });
};

export const signUrls: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const seconds = expiresIn(body);
  const paths = stringArray(body, "paths", 1);
  const visible = await deps.db.run(identity, info, async (tx) => {
    const result = await tx.query<{ name: string }>(
      "select name from storage.objects where bucket_id = $1 and name = any($2::text[])",
      [params.bucket, paths],
    );
    return new Set(result.rows.map((row) => row.name));
  });
  const entries = await Promise.all(
    paths.map(async (path) => {
      if (!visible.has(path)) {
        return {
          error: "Either the object does not exist or you do not have access to it",
          path,
          signedURL: null,
        };
      }
      const url = `${params.bucket}/${path}`;
      const token = await signToken(deps.keys.jwtSecret, { url, scope: "download" }, seconds);
      return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
    }),
  );
  sendJson(res, 200, entries);
};

export const signUploadUrl: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  await readJsonObject(req);
  assertValidKey(params.key);
  const upsert = header(req, "x-upsert") === "true";
  const owner = ownerOf(identity);
  const probeMeta = {
    mimetype: header(req, "content-type") ?? "application/octet-stream",
    contentLength: Number(header(req, "content-length") ?? 0),
  };
  try {
    await deps.db.probe(identity, info, (tx) =>
      tx.query(
        `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version, user_metadata)
         values ($1, $2, $3, $4, $5, '1', '{}')${
           upsert
             ? " on conflict (name, bucket_id) do update set version = excluded.version returning *"
             : ""
         }`,
        [params.bucket, params.key, owner.uuid, owner.id, probeMeta],
      ),
    );
  } catch (error) {
    throw fromDbError(error, errors.keyExists) ?? error;
  }
  const url = `${params.bucket}/${params.key}`;
  const claims = {
    url,
    scope: "upload" as const,
    upsert,
    ...(identity.sub ? { owner: identity.sub } : {}),
  };
  const token = await signToken(deps.keys.jwtSecret, claims, deps.signedUploadExpiresIn);
  sendJson(res, 200, { url: `/object/upload/sign/${url}?token=${token}`, token });
};
