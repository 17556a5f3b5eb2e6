// GET /bucket and GET /bucket/{id}: run as the request role, so RLS on storage.buckets decides
// (no SELECT policy means an empty list, and "Bucket not found" for a single bucket).
import { errors } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { BUCKET_COLUMNS, type BucketRow, bucketJson } from "./rows.ts";
import { optionalEnum, optionalInt, optionalString, queryBag } from "./validate.ts";

const SORT_COLUMNS = ["id", "name", "created_at", "updated_at"] as const;

export const listBuckets: Handler = async ({ url, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const query = queryBag(url);
  const limit = optionalInt(query, "limit", 1, "querystring");
  const offset = optionalInt(query, "offset", 0, "querystring");
  const sortColumn = optionalEnum(query, "sortColumn", SORT_COLUMNS, "querystring");
  const sortOrder = optionalEnum(query, "sortOrder", ["asc", "desc"] as const, "querystring");
  const search = optionalString(query, "search", "querystring");

  const params: unknown[] = [];
  let sql = `select ${BUCKET_COLUMNS} from storage.buckets`;
  if (search) {
    params.push(search);
    sql += ` where strpos(lower(name), lower($${params.length})) > 0`;
  }
  // Column and direction come from the whitelists above, never from raw input.
  if (sortColumn) sql += ` order by ${sortColumn} ${sortOrder ?? "asc"}`;
  if (limit !== undefined) sql += ` limit ${limit}`;
  if (offset !== undefined) sql += ` offset ${offset}`;
  const rows = await deps.db.run(
    identity,
    info,
    async (tx) => (await tx.query<BucketRow>(sql, params)).rows,
  );
  sendJson(
    res,
    200,
    rows.map((row) => bucketJson(row, true)),
  );
};

export const getBucket: Handler = async ({ params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const row = await deps.db.run(identity, info, async (tx) => {
    const result = await tx.query<BucketRow>(
      `select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
      [params.bucket],
    );
    return result.rows[0];
  });
  if (!row) throw errors.noSuchBucket();
  sendJson(res, 200, bucketJson(row, false));
};
