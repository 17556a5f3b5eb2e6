// POST /object/list-v2/{b} (storage-js `listV2()`): a flat, case-sensitive prefix listing, or with
// `with_delimiter` S3-style grouping on "/"; cursor pagination. Runs as the caller (RLS SELECT).
// The cursor is our own opaque string (base64url JSON of the last entry's sort key).
import { errors } from "./errors.ts";
import type { Handler } from "./handler-context.ts";
import { readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { optionalBoolean, optionalEnum, optionalInt, optionalString } from "./validate.ts";

const MAX_LIMIT = 1000;

interface Entry {
  name: string;
  folder: boolean;
  sort_value: string;
  id: string | null;
  metadata: Record<string, unknown> | null;
  updated_at: Date | null;
  created_at: Date | null;
  last_accessed_at: Date | null;
}

interface Cursor {
  name: string;
  value: string;
}

function readCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (typeof value.name === "string" && typeof value.value === "string") return value;
  } catch {
    // fall through
  }
  throw errors.invalidRequest("Invalid cursor");
}

// $1 bucket, $2 prefix, $3 cursor sort value, $4 cursor name, $5 limit + 1.
function entriesSql(delimiter: boolean, column: string, order: "asc" | "desc", cursor: boolean) {
  const sortValue =
    column === "name"
      ? "name"
      : `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  const folderExpr = delimiter
    ? `case when strpos(substr(name, length($2) + 1), '/') > 0
         then $2 || split_part(substr(name, length($2) + 1), '/', 1) || '/' end`
    : "null";
  const cmp = order === "asc" ? ">" : "<";
  return `
    with c as (
      select o.*, ${folderExpr} as folder_name, ${sortValue} as sort_value
      from storage.objects o where o.bucket_id = $1 and starts_with(o.name, $2)
    ), e as (
      select distinct folder_name as name, true as folder, folder_name as sort_value, null::uuid as id,
        null::jsonb as metadata, null::timestamptz as updated_at, null::timestamptz as created_at,
        null::timestamptz as last_accessed_at
      from c where folder_name is not null
      union all
      select name, false, sort_value, id, metadata, updated_at, created_at, last_accessed_at
      from c where folder_name is null
    )
    select * from e
    ${cursor ? `where (sort_value collate "C", name collate "C") ${cmp} ($3 collate "C", $4 collate "C")` : "where $3::text is null and $4::text is null"}
    order by sort_value collate "C" ${order}, name collate "C" ${order}
    limit $5`;
}

export const listObjectsV2: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  const prefix = optionalString(body, "prefix") ?? "";
  const limit = Math.min(optionalInt(body, "limit", 1) ?? MAX_LIMIT, MAX_LIMIT);
  const delimiter = optionalBoolean(body, "with_delimiter") ?? false;
  const sortBy = (
    typeof body.sortBy === "object" && body.sortBy !== null ? body.sortBy : {}
  ) as Record<string, unknown>;
  // Folders have no timestamps, so grouped listings are always ordered by name.
  const requested =
    optionalEnum(sortBy, "column", ["name", "updated_at", "created_at"] as const) ?? "name";
  const column = delimiter ? "name" : requested;
  const order = optionalEnum(sortBy, "order", ["asc", "desc"] as const) ?? "asc";
  const cursor = readCursor(optionalString(body, "cursor"));

  const rows = await deps.db.run(identity, info, async (tx) => {
    const sql = entriesSql(delimiter, column, order, cursor !== null);
    const result = await tx.query<Entry>(sql, [
      params.bucket,
      prefix,
      cursor?.value ?? null,
      cursor?.name ?? null,
      limit + 1,
    ]);
    return result.rows;
  });
  const hasNext = rows.length > limit;
  const page = rows.slice(0, limit);
  const folders = page.filter((row) => row.folder).map((row) => ({ id: null, name: row.name }));
  const objects = page
    .filter((row) => !row.folder)
    .map((row) => ({
      id: row.id,
      name: row.name,
      ...(delimiter ? { key: row.name.slice(prefix.length) } : {}),
      metadata: row.metadata,
      updated_at: row.updated_at,
      created_at: row.created_at,
      last_accessed_at: row.last_accessed_at,
    }));
  const last = page[page.length - 1];
  const next =
    hasNext && last
      ? {
          nextCursor: Buffer.from(
            JSON.stringify({ name: last.name, value: last.sort_value }),
          ).toString("base64url"),
          nextCursorKey: last.name,
        }
      : {};
  sendJson(res, 200, { hasNext, folders, objects, ...next });
};
