// POST /object/list/{b} (storage-js `list()`): one level below `prefix`, folders as synthetic
// entries, run as the caller so RLS SELECT filters every row. Prefix matching is
// case-insensitive and literal (no LIKE wildcards); names come back relative to the prefix.
import type { Handler } from "./handler-context.ts";
import { readJsonObject, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { optionalEnum, optionalInt, optionalString, requiredString } from "./validate.ts";

const MAX_LIMIT = 1500;
const COLUMNS = ["name", "updated_at", "created_at", "last_accessed_at"] as const;

interface ListRow {
  name: string;
  id: string | null;
  updated_at: Date | null;
  created_at: Date | null;
  last_accessed_at: Date | null;
  metadata: Record<string, unknown> | null;
}

// $1 bucket, $2 prefix (with trailing slash or ''), $3 prefix + search, $4 limit, $5 offset.
function listSql(column: (typeof COLUMNS)[number], order: "asc" | "desc"): string {
  const entries = `
    with candidates as (
      select o.*, split_part(substr(o.name, length($2) + 1), '/', 1) as child,
             strpos(substr(o.name, length($2) + 1), '/') > 0 as deeper
      from storage.objects o
      where o.bucket_id = $1 and starts_with(lower(o.name), lower($3))
    ), entries as (
      select distinct on (lower(child)) child as name, null::uuid as id,
             null::timestamptz as updated_at, null::timestamptz as created_at,
             null::timestamptz as last_accessed_at, null::jsonb as metadata, true as folder
      from candidates where deeper
      union all
      select child, id, updated_at, created_at, last_accessed_at, metadata, false
      from candidates where not deeper
    )
    select name, id, updated_at, created_at, last_accessed_at, metadata from entries`;
  const orderBy =
    column === "name"
      ? `order by lower($2 || name) collate "C" ${order}`
      : `order by folder desc, case when folder then name end collate "C" ${order},
           ${column} ${order}, name collate "C" ${order}`;
  return `${entries} ${orderBy} limit $4 offset $5`;
}

export const listObjects: Handler = async ({ req, params, authorization, deps, info, res }) => {
  const identity = await requireIdentity(deps.keys, authorization);
  const body = await readJsonObject(req);
  let prefix = requiredString(body, "prefix");
  const limit = Math.min(optionalInt(body, "limit", 1) ?? 100, MAX_LIMIT);
  const offset = optionalInt(body, "offset", 0) ?? 0;
  const search = optionalString(body, "search") ?? "";
  const sortBy = (
    typeof body.sortBy === "object" && body.sortBy !== null ? body.sortBy : {}
  ) as Record<string, unknown>;
  const column = optionalEnum(sortBy, "column", COLUMNS) ?? "name";
  const order = optionalEnum(sortBy, "order", ["asc", "desc"] as const) ?? "asc";
  if (prefix !== "" && !prefix.endsWith("/")) prefix += "/";

  const rows = await deps.db.run(identity, info, async (tx) => {
    const result = await tx.query<ListRow>(listSql(column, order), [
      params.bucket,
      prefix,
      prefix + search,
      limit,
      offset,
    ]);
    return result.rows;
  });
  sendJson(
    res,
    200,
    rows.map((row) => ({
      name: row.name,
      id: row.id,
      updated_at: row.updated_at,
      created_at: row.created_at,
      last_accessed_at: row.last_accessed_at,
      metadata: row.metadata,
    })),
  );
};
