// POST /<table>: insert (single, bulk, `columns`, `missing=default`) and upsert
// (`resolution=merge-duplicates|ignore-duplicates`, `on_conflict`) — spec §11.1, §11.2.
import type { Preferences } from "../parse/prefer.ts";
import { parseQuery } from "../parse/query.ts";
import type { RestRequest } from "../request.ts";
import type { RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import { columnOf } from "../sql/field.ts";
import type { BuildScope } from "../sql/read-node.ts";
import { ident, Params, qualified } from "../sql/text.ts";
import type { HandlerEnv } from "./env.ts";
import { runMutation } from "./mutation.ts";
import { type Payload, parsePayload, payloadColumns, requireWritable } from "./payload.ts";

const countUp =
  "set_config('pgrst.inserted', (coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0) + 1)::text, true) IS NOT NULL";
const countDown =
  "set_config('pgrst.inserted', (current_setting('pgrst.inserted')::int - 1)::text, true) IS NOT NULL";

export async function handleInsert(
  env: HandlerEnv,
  r: RestRequest,
  relation: Relation,
): Promise<RestResponse> {
  requireWritable(relation, "insertable");
  const query = parseQuery(r.url.searchParams, false);
  const payload = parsePayload(r);
  const columns = payloadColumns(payload, query.columns, relation);
  const params = new Params();
  const scope: BuildScope = {
    cache: env.cache,
    params,
    query,
    maxRows: env.maxRows,
    consumed: new Set(),
    aliasCount: 0,
  };
  const applied: Preferences = {};
  const conflictTarget = r.prefer.resolution ? (query.onConflict ?? relation.primaryKey) : [];
  for (const c of conflictTarget) columnOf(relation, c);
  const upsert = conflictTarget.length > 0 ? r.prefer.resolution : undefined;
  if (upsert) applied.resolution = upsert;
  if (r.prefer.missing === "default") applied.missing = "default";
  if (r.prefer.return) applied.return = r.prefer.return;
  if (r.prefer.count) applied.count = r.prefer.count;

  const target = qualified(relation.schema, relation.name);
  const groups =
    r.prefer.missing === "default"
      ? groupByKeys(payload, columns)
      : [{ columns, json: asArray(payload), count: payload.rows.length }];
  const merge = upsert === "merge-duplicates";
  const dml = (returning: string) =>
    groups.map((g) => {
      const conflict = !upsert
        ? ""
        : merge && g.columns.length
          ? ` ON CONFLICT (${conflictTarget.map(ident).join(", ")}) DO UPDATE SET ${g.columns
              .map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`)
              .join(", ")} WHERE ${countDown}`
          : ` ON CONFLICT (${conflictTarget.map(ident).join(", ")}) DO NOTHING`;
      if (g.columns.length === 0) {
        // Objects without keys: rows of defaults.
        const first = ident(relation.columns[0]?.name ?? "");
        const values = Array.from({ length: g.count ?? 0 }, () => "(DEFAULT)").join(", ");
        if (!values) return `SELECT ${returning} FROM ${target} WHERE FALSE`;
        return `INSERT INTO ${target} (${first}) VALUES ${values}${conflict} RETURNING ${returning}`;
      }
      const cols = g.columns.map(ident).join(", ");
      const picked = g.columns.map((c) => `"pgrst_body".${ident(c)}`).join(", ");
      const where = merge ? ` WHERE ${countUp}` : "";
      return `INSERT INTO ${target} (${cols}) SELECT ${picked} FROM json_populate_recordset(NULL::${target}, ${params.add(g.json)}::json) AS "pgrst_body"${where}${conflict} RETURNING ${returning}`;
    });
  return runMutation(env, r, relation, query, scope, {
    kind: "insert",
    dml,
    countsInserted: merge,
    applied,
  });
}

interface Group {
  columns: string[];
  json: string;
  count?: number;
}

function asArray(p: Payload): string {
  return p.isArray ? p.json : `[${p.json}]`;
}

/** `missing=default`: rows with the same present keys are inserted together, so PostgreSQL
 * fills every absent column with its DEFAULT. */
function groupByKeys(p: Payload, columns: string[]): Group[] {
  const groups = new Map<string, Group & { rows: Record<string, unknown>[] }>();
  for (const row of p.rows) {
    const present = columns.filter((c) => Object.hasOwn(row, c));
    const key = present.join("\u0000");
    let g = groups.get(key);
    if (!g) {
      g = { columns: present, json: "", rows: [] };
      groups.set(key, g);
    }
    g.rows.push(row);
  }
  if (groups.size === 1 && [...groups.values()][0]?.columns.length === columns.length) {
    return [{ columns, json: asArray(p), count: p.rows.length }];
  }
  return [...groups.values()].map((g) => ({
    columns: g.columns,
    json: JSON.stringify(g.rows),
    count: g.rows.length,
  }));
}
