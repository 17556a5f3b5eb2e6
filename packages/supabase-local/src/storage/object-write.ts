// The write path shared by upload, update and signed upload: check limits and MIME type, ask
// Postgres as the caller whether the row may be written (a probe that is rolled back), stream the
// bytes to a temp file, rename it into place and only then upsert the row with service rights.
// Any failure removes the new blob, so a refused or broken upload leaves neither row nor file.
import { errors, fromDbError } from "./errors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { drain, header } from "./http.ts";
import { type Identity, ownerUuid } from "./identity.ts";
import { assertMimeAllowed } from "./limits.ts";
import { assertValidKey, isPlaceholder } from "./names.ts";
import { newVersion } from "./paths.ts";
import { readUploadBody, type UploadBody } from "./upload-body.ts";

export interface WriteRequest {
  /** Role whose RLS policies must allow the row; null for signed uploads (token already checked). */
  probeAs: Identity | null;
  /** Owner recorded on the row. */
  owner: { uuid: string | null; id: string | null };
  upsert: boolean;
}

interface BucketLimits {
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

const PROBE_INSERT = `insert into storage.objects
  (bucket_id, name, owner, owner_id, metadata, version, user_metadata)
  values ($1, $2, $3, $4, $5, '1', $6)`;
const PROBE_UPSERT = `${PROBE_INSERT}
  on conflict (name, bucket_id) do update set metadata = excluded.metadata,
    user_metadata = excluded.user_metadata, version = excluded.version,
    owner = excluded.owner, owner_id = excluded.owner_id
  returning *`;

export async function writeObject(
  ctx: HandlerContext,
  write: WriteRequest,
): Promise<{ id: string }> {
  const { req, deps, params, info } = ctx;
  const { bucket, key } = params;
  let body: UploadBody | null = null;
  try {
    const limits = await deps.db.run(deps.service, info, async (tx) => {
      const result = await tx.query<BucketLimits>(
        "select file_size_limit, allowed_mime_types from storage.buckets where id = $1",
        [bucket],
      );
      return result.rows[0];
    });
    if (!limits) throw errors.noSuchBucket();
    const placeholder = isPlaceholder(key);
    const bucketLimit = limits.file_size_limit === null ? Infinity : Number(limits.file_size_limit);
    const limit = placeholder ? 0 : Math.min(deps.globalLimit, bucketLimit);
    const declared = Number(header(req, "content-length") ?? Number.NaN);
    const multipart = (header(req, "content-type") ?? "").startsWith("multipart/form-data");
    if (!multipart && declared > limit) throw errors.entityTooLarge();

    body = await readUploadBody(req);
    if (!placeholder) assertMimeAllowed(body.mimetype, limits.allowed_mime_types);
    assertValidKey(key);
    const probeAs = write.probeAs;
    if (probeAs) {
      const probeMeta = {
        mimetype: body.mimetype,
        contentLength: Number.isNaN(declared) ? 0 : declared,
      };
      try {
        await deps.db.probe(probeAs, info, (tx) =>
          tx.query(write.upsert ? PROBE_UPSERT : PROBE_INSERT, [
            bucket,
            key,
            write.owner.uuid,
            write.owner.id,
            probeMeta,
            body?.userMetadata ?? {},
          ]),
        );
      } catch (error) {
        throw fromDbError(error, errors.keyExists) ?? error;
      }
    }
    const temp = await deps.blobs.receive(body.stream, limit);
    await body.finish(); // the multipart epilogue (and any further parts) before answering
    if (!multipart && !Number.isNaN(declared) && temp.size !== declared) {
      await deps.blobs.discard(temp);
      throw errors.invalidRequest("The upload ended before all bytes arrived");
    }
    return await commitObject(ctx, write, body, temp);
  } catch (error) {
    if (body) await body.finish();
    else await drain(req);
    throw error;
  }
}

async function commitObject(
  ctx: HandlerContext,
  write: WriteRequest,
  body: UploadBody,
  temp: Awaited<ReturnType<HandlerContext["deps"]["blobs"]["receive"]>>,
): Promise<{ id: string }> {
  const { deps, params, info } = ctx;
  const version = newVersion();
  const robots = header(ctx.req, "x-robots-tag");
  let committed = false;
  try {
    const stats = await deps.blobs.commit(temp, params.bucket, version);
    committed = true;
    const metadata = {
      eTag: temp.eTag,
      size: temp.size,
      mimetype: body.mimetype,
      cacheControl: body.cacheControl,
      lastModified: stats.mtime.toISOString(),
      contentLength: temp.size,
      httpStatusCode: 200,
      ...(robots ? { xRobotsTag: robots } : {}),
    };
    const { id, previous } = await deps.db.run(deps.service, info, async (tx) => {
      await tx.query("select pg_advisory_xact_lock(hashtext($1 || '/' || $2))", [
        params.bucket,
        params.key,
      ]);
      // Under the name lock the statement's snapshot holds the current row, if any: read its
      // version (to delete the old blob) and write the new row in one round trip.
      const result = await tx.query<{
        id: string | null;
        previous: string | null;
        existed: boolean;
      }>(
        `with old as (
           select version from storage.objects where bucket_id = $1 and name = $2
         ), written as (
           insert into storage.objects
             (bucket_id, name, owner, owner_id, version, metadata, user_metadata)
           select $1, $2, $3, $4, $5, $6, $7 where $8 or not exists (select from old)
           on conflict (name, bucket_id) do update set version = excluded.version,
             metadata = excluded.metadata, user_metadata = excluded.user_metadata,
             owner = coalesce(excluded.owner, objects.owner),
             owner_id = coalesce(excluded.owner_id, objects.owner_id)
           returning id
         )
         select (select id from written) as id, (select version from old) as previous,
           exists (select from old) as existed`,
        [
          params.bucket,
          params.key,
          write.owner.uuid,
          write.owner.id,
          version,
          metadata,
          body.userMetadata ?? {},
          write.upsert,
        ],
      );
      const row = result.rows[0];
      if (!row?.id) throw errors.keyExists();
      return { id: row.id, previous: row.previous ?? undefined };
    });
    await deps.blobs.remove(params.bucket, previous);
    return { id };
  } catch (error) {
    if (committed) await deps.blobs.remove(params.bucket, version);
    else await deps.blobs.discard(temp);
    throw fromDbError(error, errors.keyExists) ?? error;
  }
}

export function ownerOf(identity: Identity) {
  return { uuid: ownerUuid(identity), id: identity.sub ?? null };
}
