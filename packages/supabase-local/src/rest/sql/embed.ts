// The LATERAL join of one embed (spec §14): to-many embeds aggregate their rows with json_agg,
// to-one embeds produce one row_to_json object, spreads expose their columns to the parent (a
// to-many spread as one array per column).
// Every lateral exposes "pgrst_body", which is NULL exactly when no related row matched.
import type { BuildScope, EmbedInfo } from "./read-node.ts";
import { innerQualifier } from "./read-node.ts";
import { isToOne } from "./relationship.ts";
import { ident, qualified } from "./text.ts";

export function embedJoin(scope: BuildScope, embed: EmbedInfo, parent: string): string {
  const r = embed.relationship;
  const b = embed.build;
  if (!b) return "";
  const t = innerQualifier(embed);
  let from = `${qualified(r.target.schema, r.target.name)} AS ${t}`;
  const where: string[] = [];
  if (r.junction) {
    const j = t.replace(/"$/, '_x"');
    const jr = r.junction.relation;
    const on = r.junction.junctionTarget.map(
      (c, i) => `${j}.${ident(c)} = ${t}.${ident(r.targetColumns[i] as string)}`,
    );
    from += ` JOIN ${qualified(jr.schema, jr.name)} AS ${j} ON ${on.join(" AND ")}`;
    r.junction.junctionSource.forEach((c, i) => {
      where.push(`${j}.${ident(c)} = ${parent}.${ident(r.sourceColumns[i] as string)}`);
    });
  } else {
    r.targetColumns.forEach((c, i) => {
      where.push(`${t}.${ident(c)} = ${parent}.${ident(r.sourceColumns[i] as string)}`);
    });
  }
  where.push(...b.where);
  const joins = b.embeds.map((e) => ` ${e.join}`).join("");
  const whereSql = ` WHERE ${where.join(" AND ")}`;
  const extra = embed.orderColumns.map((c) => `, ${c}`).join("");
  const kind = embed.inner ? "INNER JOIN LATERAL" : "LEFT JOIN LATERAL";

  if (!isToOne(r)) {
    const limit = Math.min(b.modifiers.limit ?? scope.maxRows, scope.maxRows);
    const order = b.orderBy.length ? ` ORDER BY ${b.orderBy.join(", ")}` : "";
    const offset = b.modifiers.offset ? ` OFFSET ${scope.params.add(b.modifiers.offset)}` : "";
    const rows = `SELECT ${b.columns.join(", ")} FROM ${from}${joins}${whereSql}${order} LIMIT ${scope.params.add(limit)}${offset}`;
    const on = embed.inner ? `${embed.lateral}."pgrst_body" IS NOT NULL` : "TRUE";
    // A spread aggregates column by column; bool_or keeps "pgrst_body" NULL without rows.
    const aggregates = embed.spread
      ? [
          ...b.keys.map((k) => `json_agg("pgrst_r".${ident(k)}) AS ${ident(k)}`),
          'bool_or(TRUE) AS "pgrst_body"',
        ]
      : ['json_agg("pgrst_r") AS "pgrst_body"'];
    return `${kind} (SELECT ${aggregates.join(", ")} FROM (${rows}) AS "pgrst_r") AS ${embed.lateral} ON ${on}`;
  }
  if (embed.spread) {
    const cols = [...b.columns, 'TRUE AS "pgrst_body"'].join(", ");
    return `${kind} (SELECT ${cols}${extra} FROM ${from}${joins}${whereSql}) AS ${embed.lateral} ON TRUE`;
  }
  const row = `CROSS JOIN LATERAL (SELECT ${b.columns.join(", ")}) AS "pgrst_r"`;
  return `${kind} (SELECT row_to_json("pgrst_r") AS "pgrst_body"${extra} FROM ${from}${joins} ${row}${whereSql}) AS ${embed.lateral} ON TRUE`;
}
