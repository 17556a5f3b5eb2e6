// GET/HEAD on a table or view: select tree, filters, order, paging, counts (spec §2-§7).
import type { Preferences } from "../parse/prefer.ts";
import { parseQuery } from "../parse/query.ts";
import { parseRangeHeader } from "../parse/range.ts";
import type { RestRequest } from "../request.ts";
import { settingsFor } from "../request.ts";
import { contentRange, type RestResponse, readStatus } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import { bodyExpression, countExpression, wrapStatement } from "../sql/body.ts";
import { type BuildScope, buildNode, checkAllConsumed } from "../sql/read-node.ts";
import { sourceSql } from "../sql/source.ts";
import { Params, qualified } from "../sql/text.ts";
import { type Db, inTransaction } from "../transaction.ts";
import type { HandlerEnv } from "./env.ts";
import { plannedCount } from "./planned-count.ts";
import { type BodyRow, baseHeaders, shapeBody, withBody } from "./result.ts";

export async function handleRead(
  env: HandlerEnv,
  r: RestRequest,
  relation: Relation,
): Promise<RestResponse> {
  const query = parseQuery(r.url.searchParams, false);
  const params = new Params();
  const scope: BuildScope = {
    cache: env.cache,
    params,
    query,
    maxRows: env.maxRows,
    consumed: new Set(),
    aliasCount: 0,
  };
  const from = qualified(relation.schema, relation.name);
  const build = buildNode(scope, relation, from, query.select, []);
  checkAllConsumed(scope);
  const page = effectivePage(
    build.modifiers,
    r.method === "GET" ? parseRangeHeader(r.req.headers.range) : undefined,
    env.maxRows,
  );
  const src = sourceSql(build, from, page, params);
  const csvHeader = r.media === "csv" ? params.add(build.keys.join(","), "text") : "";
  const text = wrapStatement(
    `"pgrst_source" AS (${src.rows})`,
    countExpression(r.prefer.count, src.countRows, env.maxRows),
    bodyExpression(r.media, csvHeader),
  );
  const applied: Preferences = {};
  if (r.prefer.count) applied.count = r.prefer.count;

  const needsPlan = r.prefer.count === "planned" || r.prefer.count === "estimated";
  const main = { text, values: params.values };
  const settings = settingsFor(r, true, env.extraSearchPath);
  return inTransaction(
    env.pool,
    settings,
    main,
    async (raw, db: Db | null) => {
      const row = raw as unknown as BodyRow;
      let total = row.total === null ? null : Number(row.total);
      if (db && (r.prefer.count === "planned" || (total ?? 0) > env.maxRows)) {
        const planned = await plannedCount(db, src.countRows, params.values);
        total = r.prefer.count === "planned" ? planned : Math.max(total ?? 0, planned);
      }
      const rows = Number(row.page_total);
      const lower = page.offset ?? 0;
      const status = readStatus(lower, rows, total);
      const headers = baseHeaders(r, applied);
      headers["Content-Range"] = contentRange(lower, rows, total);
      return withBody(r, status, headers, shapeBody(r, row), row);
    },
    !needsPlan,
  );
}

/** Intersects `offset`/`limit` with the Range header, capped by max-rows. */
function effectivePage(
  mods: { limit?: number; offset?: number },
  range: { offset: number; limit?: number } | undefined,
  maxRows: number,
): { limit: number; offset: number } {
  let offset = mods.offset ?? 0;
  let end = mods.limit !== undefined ? offset + mods.limit : Number.POSITIVE_INFINITY;
  if (range) {
    const rangeEnd =
      range.limit !== undefined ? range.offset + range.limit : Number.POSITIVE_INFINITY;
    offset = Math.max(offset, range.offset);
    end = Math.min(end, rangeEnd);
  }
  const limit = Math.max(0, Math.min(end - offset, maxRows));
  return { limit, offset };
}
