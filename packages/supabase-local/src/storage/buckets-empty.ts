// POST /bucket/{id}/empty. Follows the current Supabase rule (service_role only; the older CLI
// image let any role try). Runs synchronously: rows first, then their blobs.
import { errors } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";

const MAX_OBJECTS_TO_EMPTY = 200_000;

export const emptyBucket: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  await readJsonObject(req);
  if (identity.role !== "service_role") throw errors.emptyOnlyServiceRole();
  const versions = await deps.db.run(deps.service, info, async (tx) => {
    const bucket = await tx.query("select id from storage.buckets where id = $1 for update", [
      params.bucket,
    ]);
    if (bucket.rowCount !== 1) throw errors.noSuchBucket();
    const count = await tx.query<{ n: string }>(
      "select count(*) as n from (select 1 from storage.objects where bucket_id = $1 limit $2) s",
      [params.bucket, MAX_OBJECTS_TO_EMPTY + 1],
    );
    if (Number(count.rows[0]?.n ?? 0) > MAX_OBJECTS_TO_EMPTY) throw errors.tooManyToEmpty();
    const deleted = await tx.query<{ version: string | null }>(
      "delete from storage.objects where bucket_id = $1 returning version",
      [params.bucket],
    );
    return deleted.rows.map((row) => row.version);
  });
  for (const version of versions) await deps.blobs.remove(params.bucket, version);
  sendJson(res, 200, {
    message: "Empty bucket has been queued. Completion may take up to an hour.",
  });
};
