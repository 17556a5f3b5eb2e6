// PUT /<table>?pk=eq.v: single-row upsert (spec §11.3). The filters must name every primary key
// column with `eq` and nothing else, and the body must carry the same key values.
import { bodyError, RestError } from "../errors.ts";
import { parseQuery } from "../parse/query.ts";
import type { RestRequest } from "../request.ts";
import type { RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import type { HandlerEnv } from "./env.ts";
import { handleInsert } from "./insert.ts";
import { parsePayload } from "./payload.ts";

export async function handlePut(
  env: HandlerEnv,
  r: RestRequest,
  relation: Relation,
): Promise<RestResponse> {
  const query = parseQuery(r.url.searchParams, false);
  const root = query.nodes.get("");
  if (root?.limit !== undefined || root?.offset !== undefined) {
    throw new RestError(
      400,
      "PGRST114",
      "limit/offset querystring parameters are not allowed for PUT",
    );
  }
  const urlKey = new Map<string, string>();
  for (const c of root?.conditions ?? []) {
    const plain =
      c.kind === "filter" && c.op === "eq" && !c.negate && !c.quantifier && !c.field.path.length;
    if (!plain || urlKey.has(c.field.name)) throw wrongFilters();
    urlKey.set(c.field.name, c.value as string);
  }
  const pk = relation.primaryKey;
  if (!pk.length || urlKey.size !== pk.length || !pk.every((c) => urlKey.has(c)))
    throw wrongFilters();

  const payload = parsePayload(r);
  if (payload.rows.length !== 1) throw bodyError("PUT payload must contain exactly one object");
  const row = payload.rows[0] ?? {};
  if (!pk.every((c) => Object.hasOwn(row, c) && String(row[c]) === urlKey.get(c))) {
    throw new RestError(
      400,
      "PGRST115",
      "Payload values do not match URL in primary key column(s)",
    );
  }
  for (const c of pk) r.url.searchParams.delete(c);
  r.prefer = { ...r.prefer, resolution: "merge-duplicates" };
  const response = await handleInsert(env, r, relation);
  if (r.prefer.return !== "representation" && r.prefer.return !== "headers-only") {
    response.status = 204;
  }
  return response;
}

function wrongFilters(): RestError {
  return new RestError(
    405,
    "PGRST105",
    "Filters must include all and only primary key columns with 'eq' operators",
  );
}
