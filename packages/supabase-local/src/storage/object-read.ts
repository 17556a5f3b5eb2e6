// Finds the object a read route asks for, applying Storage's access rules: public buckets are read
// with service rights, private ones as the caller (RLS SELECT decides), and a caller without a
// valid token only ever sees public buckets.
import { errors } from "./errors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { type Identity, optionalIdentity, requireIdentity } from "./identity.ts";
import { assertValidKey } from "./names.ts";
import { OBJECT_COLUMNS, type ObjectRow } from "./rows.ts";

/** optional: JWT optional; authenticated: JWT required; public: no JWT, bucket must be public;
 * service: access already granted (signed URL). */
export type Access = "optional" | "authenticated" | "public" | "service";

export async function findObject(ctx: HandlerContext, access: Access): Promise<ObjectRow> {
  const { deps, params, info } = ctx;
  let identity: Identity | null = null;
  if (access === "optional") identity = await optionalIdentity(deps.keys, ctx.authorization);
  if (access === "authenticated") identity = await requireIdentity(deps.keys, ctx.authorization);
  assertValidKey(params.key);

  const select = `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`;
  const values = [params.bucket, params.key];
  let row: ObjectRow | undefined;
  if (access === "service") {
    row = await deps.db.run(
      deps.service,
      info,
      async (tx) => (await tx.query<ObjectRow>(select, values)).rows[0],
    );
  } else {
    const found = await deps.db.run(deps.service, info, async (tx) => {
      const bucket = await tx.query<{ public: boolean }>(
        "select public from storage.buckets where id = $1",
        [params.bucket],
      );
      const isPublic = bucket.rows[0]?.public;
      if (isPublic === undefined || (!isPublic && identity === null)) throw errors.noSuchBucket();
      return isPublic ? { row: (await tx.query<ObjectRow>(select, values)).rows[0] } : null;
    });
    if (found) row = found.row;
    else if (identity) {
      row = await deps.db.run(
        identity,
        info,
        async (tx) => (await tx.query<ObjectRow>(select, values)).rows[0],
      );
    }
  }
  if (!row) throw errors.noSuchKey();
  return row;
}
