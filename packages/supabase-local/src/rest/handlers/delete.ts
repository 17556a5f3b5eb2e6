// DELETE /<table>?filters (spec §11.5).
import type { Preferences } from "../parse/prefer.ts";
import { parseQuery } from "../parse/query.ts";
import type { RestRequest } from "../request.ts";
import type { RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import { qualified } from "../sql/text.ts";
import type { HandlerEnv } from "./env.ts";
import { mutationScope, rootWhere } from "./filters-only.ts";
import { runMutation } from "./mutation.ts";
import { requireWritable } from "./payload.ts";

export async function handleDelete(
  env: HandlerEnv,
  r: RestRequest,
  relation: Relation,
): Promise<RestResponse> {
  requireWritable(relation, "deletable");
  const query = parseQuery(r.url.searchParams, false);
  const scope = mutationScope(env.cache, query, env.maxRows);
  const where = rootWhere(scope, relation, "DELETE");
  const applied: Preferences = {};
  if (r.prefer.return) applied.return = r.prefer.return;
  if (r.prefer.count) applied.count = r.prefer.count;
  if (r.prefer.handling === "strict") {
    applied.handling = "strict";
    if (r.prefer.maxAffected !== undefined) applied.maxAffected = r.prefer.maxAffected;
  }
  const target = qualified(relation.schema, relation.name);
  const dml = (returning: string) => [`DELETE FROM ${target}${where.sql} RETURNING ${returning}`];
  return runMutation(env, r, relation, query, scope, {
    kind: "delete",
    dml,
    countsInserted: false,
    applied,
    maxChanges: where.maxChanges,
  });
}
