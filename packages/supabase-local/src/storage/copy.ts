// POST /object/copy: the caller needs SELECT on the source and INSERT (or upsert with x-upsert)
// on the destination, probed as the caller. The bytes are copied to a new blob and the
// destination row written with service rights; the caller becomes its owner.
import { errors, fromDbError } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { header, readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { assertValidBucketName, assertValidKey } from "./names.ts";
import { ownerOf } from "./object-write.ts";
import { newVersion } from "./paths.ts";
import { OBJECT_COLUMNS, type ObjectRow, objectJson } from "./rows.ts";
import { optionalBoolean, optionalString, requiredString } from "./validate.ts";

function userMetadataHeader(value: string | undefined): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64").toString("utf8"));
    return typeof parsed === "object" && parsed !== null
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export const copyObject: Handler = async ({ req, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const bucket = requiredString(body, "bucketId");
  const sourceKey = requiredString(body, "sourceKey");
  const destKey = requiredString(body, "destinationKey");
  const destBucket = optionalString(body, "destinationBucket") || bucket;
  assertValidBucketName(bucket);
  assertValidBucketName(destBucket);
  assertValidKey(destKey);
  const copyMetadata = optionalBoolean(body, "copyMetadata") ?? true;
  const upsert = header(req, "x-upsert") === "true";
  const owner = ownerOf(identity);

  const select = `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`;
  const source = await deps.db.run(
    identity,
    info,
    async (tx) => (await tx.query<ObjectRow>(select, [bucket, sourceKey])).rows[0],
  );
  if (!source?.version) throw errors.noSuchKey();

  const overrides = (copyMetadata ? {} : (body.metadata ?? {})) as Record<string, unknown>;
  const metadata: Record<string, unknown> = { ...(source.metadata ?? {}) };
  if (typeof overrides.cacheControl === "string") metadata.cacheControl = overrides.cacheControl;
  if (typeof overrides.mimetype === "string") metadata.mimetype = overrides.mimetype;
  const userMetadata = copyMetadata
    ? (source.user_metadata ?? {})
    : (userMetadataHeader(header(req, "x-metadata")) ?? {});

  const probeSql = `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version, user_metadata)
    values ($1, $2, $3, $4, $5, '1', $6)${
      upsert
        ? ` on conflict (name, bucket_id) do update set metadata = excluded.metadata,
            version = excluded.version, owner = excluded.owner, owner_id = excluded.owner_id returning *`
        : ""
    }`;
  const probeValues = [destBucket, destKey, owner.uuid, owner.id, metadata, userMetadata];
  try {
    await deps.db.probe(identity, info, (tx) => tx.query(probeSql, probeValues));
  } catch (error) {
    throw fromDbError(error, errors.keyExists) ?? error;
  }

  const version = newVersion();
  const stats = await deps.blobs.copy(
    { bucketId: bucket, version: source.version },
    { bucketId: destBucket, version },
  );
  metadata.lastModified = stats.mtime.toISOString();
  try {
    const { row, previous } = await deps.db.run(deps.service, info, async (tx) => {
      await tx.query("select pg_advisory_xact_lock(hashtext($1 || '/' || $2))", [
        destBucket,
        destKey,
      ]);
      const old = await tx.query<{ version: string | null }>(
        "select version from storage.objects where bucket_id = $1 and name = $2",
        [destBucket, destKey],
      );
      if (old.rowCount === 1 && !upsert) throw errors.keyExists();
      const written = await tx.query<ObjectRow>(
        `insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata, user_metadata)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (name, bucket_id) do update set version = excluded.version,
           metadata = excluded.metadata, user_metadata = excluded.user_metadata,
           owner = excluded.owner, owner_id = excluded.owner_id
         returning ${OBJECT_COLUMNS}`,
        [destBucket, destKey, owner.uuid, owner.id, version, metadata, userMetadata],
      );
      return { row: written.rows[0] as ObjectRow, previous: old.rows[0]?.version };
    });
    await deps.blobs.remove(destBucket, previous);
    sendJson(res, 200, { Id: row.id, Key: `${destBucket}/${destKey}`, ...objectJson(row) });
  } catch (error) {
    await deps.blobs.remove(destBucket, version);
    throw fromDbError(error, errors.keyExists) ?? error;
  }
};
