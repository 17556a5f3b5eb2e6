// Turns a built root node into SQL text: the page query and the count query over the same rows.
import type { NodeBuild } from "./read-node.ts";
import type { Params } from "./text.ts";

export interface Page {
  limit?: number;
  offset?: number;
}

export interface SourceSql {
  /** SELECT of the page (columns, joins, filters, order, limit/offset). */
  rows: string;
  /** SELECT 1 over every matching row (joins only where filters need them), for counts. */
  countRows: string;
}

export function sourceSql(build: NodeBuild, from: string, page: Page, params: Params): SourceSql {
  const joins = build.embeds.map((e) => ` ${e.join}`).join("");
  const countJoins = build.embeds
    .filter((e) => e.inner || e.neededForFilter)
    .map((e) => ` ${e.join}`)
    .join("");
  const where = build.where.length ? ` WHERE ${build.where.join(" AND ")}` : "";
  const order = build.orderBy.length ? ` ORDER BY ${build.orderBy.join(", ")}` : "";
  const limit = page.limit !== undefined ? ` LIMIT ${params.add(page.limit)}` : "";
  const offset = page.offset ? ` OFFSET ${params.add(page.offset)}` : "";
  return {
    rows: `SELECT ${build.columns.join(", ")} FROM ${from}${joins}${where}${order}${limit}${offset}`,
    countRows: `SELECT 1 FROM ${from}${countJoins}${where}`,
  };
}
