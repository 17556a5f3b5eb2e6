// `Prefer: count=planned`: the planner's row estimate for the count query (spec §6.3).
import type { Db } from "../transaction.ts";

type ExplainJson = [{ Plan?: { "Plan Rows"?: number } }?];

export async function plannedCount(db: Db, countRows: string, values: unknown[]): Promise<number> {
  // The count query shares the page query's parameters but may not use all of them; unused
  // ones are typed in a CTE that is never run, so PostgreSQL can prepare the statement.
  const used = new Set([...countRows.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  const unused = values.map((_, i) => i + 1).filter((n) => !used.has(n));
  const prefix = unused.length
    ? `WITH "pgrst_unused" AS (SELECT ${unused.map((n) => `$${n}::text`).join(", ")}) `
    : "";
  const rows = await db.run({
    text: `EXPLAIN (FORMAT JSON) ${prefix}${countRows}`,
    values: values.map((v) => (v === null || typeof v === "object" ? v : String(v))),
  });
  const plan = JSON.parse(rows[0]?.["QUERY PLAN"] ?? "[]") as ExplainJson;
  return Math.round(plan[0]?.Plan?.["Plan Rows"] ?? 0);
}
