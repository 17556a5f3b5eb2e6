// POST /object/move: the caller needs SELECT on the source and UPDATE with a WITH CHECK that
// accepts the new name/bucket (probed as the caller, rolled back). Then the row is updated in place
// with service rights (keeping its id) while the blob gets a hard link under the new version; the
// old name is unlinked after the commit.
import { errors, fromDbError } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { assertValidBucketName, assertValidKey } from "./names.ts";
import { ownerOf } from "./object-write.ts";
import { newVersion } from "./paths.ts";
import { optionalString, requiredString } from "./validate.ts";

export const moveObject: Handler = async ({ req, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const bucket = requiredString(body, "bucketId");
  const source = requiredString(body, "sourceKey");
  const destination = requiredString(body, "destinationKey");
  const destBucket = optionalString(body, "destinationBucket") || bucket;
  assertValidBucketName(bucket);
  assertValidBucketName(destBucket);
  assertValidKey(destination);
  const owner = ownerOf(identity);
  const version = newVersion();

  try {
    await deps.db.probe(identity, info, async (tx) => {
      const found = await tx.query(
        "select 1 from storage.objects where bucket_id = $1 and name = $2",
        [bucket, source],
      );
      if (found.rowCount === 0) throw errors.noSuchKey();
      const moved = await tx.query(
        `update storage.objects set name = $3, bucket_id = $4, version = $5,
           owner = coalesce($6, owner), owner_id = coalesce($7, owner_id)
         where bucket_id = $1 and name = $2 returning *`,
        [bucket, source, destination, destBucket, version, owner.uuid, owner.id],
      );
      if (moved.rowCount === 0) throw errors.noSuchKey();
    });
  } catch (error) {
    throw fromDbError(error, errors.resourceExists) ?? error;
  }
  if (bucket === destBucket && source === destination) {
    sendJson(res, 200, { message: "Successfully moved" });
    return;
  }
  let oldVersion: string | undefined;
  try {
    oldVersion = await deps.db.run(deps.service, info, async (tx) => {
      const row = await tx.query<{ version: string }>(
        "select version from storage.objects where bucket_id = $1 and name = $2 for update",
        [bucket, source],
      );
      const current = row.rows[0]?.version;
      if (!current) throw errors.noSuchKey();
      await tx.query(
        `update storage.objects set name = $3, bucket_id = $4, version = $5,
           owner = coalesce($6, owner), owner_id = coalesce($7, owner_id)
         where bucket_id = $1 and name = $2`,
        [bucket, source, destination, destBucket, version, owner.uuid, owner.id],
      );
      // Linked before the commit, so the committed row always has its bytes.
      await deps.blobs.link(
        { bucketId: bucket, version: current },
        { bucketId: destBucket, version },
      );
      return current;
    });
  } catch (error) {
    await deps.blobs.remove(destBucket, version);
    throw fromDbError(error, errors.resourceExists) ?? error;
  }
  await deps.blobs.remove(bucket, oldVersion);
  sendJson(res, 200, { message: "Successfully moved" });
};
