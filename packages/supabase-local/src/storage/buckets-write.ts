// POST /bucket, PUT /bucket/{id}, DELETE /bucket/{id}: the writes run as the request role
// (RLS on storage.buckets); the emptiness check of delete runs with service rights, as Storage does.
import { errors, fromDbError } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { readJsonObject, sendJson } from "./http.ts";
import { ownerUuid, requireIdentity } from "./identity.ts";
import { parseAllowedMimeTypes, parseBucketSize } from "./limits.ts";
import { assertCreatableBucketName } from "./names.ts";
import { optionalBoolean, optionalEnum, optionalString, requiredString } from "./validate.ts";

function checkedSize(value: unknown, globalLimit: number): number | null {
  const size = parseBucketSize(value);
  if (size !== null && size > globalLimit) throw errors.entityTooLarge();
  return size;
}

export const createBucket: Handler = async ({ req, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const name = requiredString(body, "name");
  const id = optionalString(body, "id") || name;
  assertCreatableBucketName(name);
  assertCreatableBucketName(id);
  const type = optionalEnum(body, "type", ["STANDARD", "ANALYTICS"] as const);
  if (type === "ANALYTICS") {
    throw errors.featureNotEnabled("Analytics buckets are not supported by supabase-local");
  }
  const isPublic = optionalBoolean(body, "public") ?? false;
  const sizeLimit =
    body.file_size_limit === undefined ? null : checkedSize(body.file_size_limit, deps.globalLimit);
  const mimeTypes =
    body.allowed_mime_types === undefined ? null : parseAllowedMimeTypes(body.allowed_mime_types);
  try {
    await deps.db.run(identity, info, (tx) =>
      tx.query(
        `insert into storage.buckets
           (id, name, owner, owner_id, public, allowed_mime_types, file_size_limit, type)
         values ($1, $2, $3, $4, $5, $6, $7, 'STANDARD')`,
        [id, name, ownerUuid(identity), identity.sub ?? null, isPublic, mimeTypes, sizeLimit],
      ),
    );
  } catch (error) {
    throw fromDbError(error, errors.bucketExists) ?? error;
  }
  sendJson(res, 200, { name });
};

export const updateBucket: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const sets: string[] = [];
  const values: unknown[] = [params.bucket];
  const set = (column: string, value: unknown) => {
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  };
  const isPublic = optionalBoolean(body, "public");
  if (isPublic !== undefined) set("public", isPublic);
  if (body.file_size_limit !== undefined) {
    set("file_size_limit", checkedSize(body.file_size_limit, deps.globalLimit));
  }
  if (body.allowed_mime_types !== undefined) {
    set("allowed_mime_types", parseAllowedMimeTypes(body.allowed_mime_types));
  }
  if (sets.length === 0) throw errors.validation("body must match a schema in anyOf");
  let updated: number;
  try {
    updated = await deps.db.run(identity, info, async (tx) => {
      const result = await tx.query(
        `update storage.buckets set ${sets.join(", ")} where id = $1`,
        values,
      );
      return result.rowCount ?? 0;
    });
  } catch (error) {
    throw fromDbError(error, errors.bucketExists) ?? error;
  }
  if (updated === 0) throw errors.noSuchBucket();
  sendJson(res, 200, { message: "Successfully updated" });
};

export const deleteBucket: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  await readJsonObject(req);
  const state = await deps.db.run(deps.service, info, async (tx) => {
    const bucket = await tx.query("select id from storage.buckets where id = $1", [params.bucket]);
    const object = await tx.query("select 1 from storage.objects where bucket_id = $1 limit 1", [
      params.bucket,
    ]);
    return { exists: bucket.rowCount === 1, empty: object.rowCount === 0 };
  });
  if (!state.exists) throw errors.noSuchBucket();
  if (!state.empty) throw errors.bucketNotEmpty();
  let deleted: number;
  try {
    deleted = await deps.db.run(identity, info, async (tx) => {
      const result = await tx.query("delete from storage.buckets where id = $1", [params.bucket]);
      return result.rowCount ?? 0;
    });
  } catch (error) {
    // An object uploaded between the check and the delete surfaces as the FK violation.
    if ((error as { code?: string }).code === "23503") throw errors.bucketNotEmpty();
    throw fromDbError(error, errors.bucketExists) ?? error;
  }
  if (deleted === 0) throw errors.noSuchBucket();
  await deps.blobs.removeBucket(params.bucket);
  sendJson(res, 200, { message: "Successfully deleted" });
};
