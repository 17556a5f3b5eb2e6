// DELETE /object/{b} with {"prefixes":[…]} (storage-js `remove()`: exact names, not prefixes) and
// DELETE /object/{b}/{p}. Rows are deleted as the caller (RLS DELETE + SELECT decide; what the
// caller may not delete is silently skipped), then their blobs.
import { errors } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { assertValidKey } from "./names.ts";
import { OBJECT_COLUMNS, type ObjectRow, objectJson } from "./rows.ts";
import { stringArray } from "./validate.ts";

const BATCH = 1000;

export const removeObjects: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const names = stringArray(body, "prefixes", 1);
  const deleted: ObjectRow[] = [];
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const rows = await deps.db.run(identity, info, async (tx) => {
      const result = await tx.query<ObjectRow>(
        `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${OBJECT_COLUMNS}`,
        [params.bucket, batch],
      );
      return result.rows;
    });
    deleted.push(...rows);
  }
  for (const row of deleted) await deps.blobs.remove(row.bucket_id, row.version);
  sendJson(res, 200, deleted.map(objectJson));
};

export const removeObject: Handler = async ({ params, authorization, deps, info, res, req }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  await readJsonObject(req);
  assertValidKey(params.key);
  const exists = await deps.db.run(deps.service, info, async (tx) => {
    const result = await tx.query(
      "select 1 from storage.objects where bucket_id = $1 and name = $2",
      [params.bucket, params.key],
    );
    return result.rowCount === 1;
  });
  if (!exists) throw errors.noSuchKey();
  const version = await deps.db.run(identity, info, async (tx) => {
    const result = await tx.query<{ version: string | null }>(
      "delete from storage.objects where bucket_id = $1 and name = $2 returning version",
      [params.bucket, params.key],
    );
    if (result.rowCount === 0) throw errors.accessDenied();
    return result.rows[0]?.version;
  });
  await deps.blobs.remove(params.bucket, version);
  sendJson(res, 200, { message: "Successfully deleted" });
};
