// Traces view columns back to base-table columns by reading the view's stored query tree
// (pg_rewrite.ev_action): each top-level TARGETENTRY carries :resorigtbl/:resorigcol when the
// column is a plain reference to a table column. That is how relationships reach views.

export interface ColumnOrigin {
  relationOid: number;
  columnNumber: number;
}

/** view column name → origin, for the columns that are plain copies of a table column. */
export function viewColumnOrigins(action: string): Map<string, ColumnOrigin> {
  const origins = new Map<string, ColumnOrigin>();
  let depth = 0;
  let entry: string[] | null = null;
  for (let i = 0; i < action.length; i++) {
    const ch = action[i];
    if (ch === "\\") {
      if (entry && depth === 4) entry.push(ch, action[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "{" || ch === "(") {
      depth++;
      // The outer list "(" and the QUERY "{" are depths 1-2, targetList "(" is 3, entries are 4.
      if (ch === "{" && depth === 4 && action.startsWith("TARGETENTRY", i + 1)) entry = [];
      continue;
    }
    if (ch === "}" || ch === ")") {
      if (entry && depth === 4 && ch === "}") {
        addOrigin(entry.join(""), origins);
        entry = null;
      }
      depth--;
      continue;
    }
    if (entry && depth === 4) entry.push(ch as string);
  }
  return origins;
}

function addOrigin(fields: string, origins: Map<string, ColumnOrigin>): void {
  const name = /:resname ((?:\\.|\S)+)/.exec(fields)?.[1];
  const tbl = Number(/:resorigtbl (\d+)/.exec(fields)?.[1] ?? 0);
  const col = Number(/:resorigcol (\d+)/.exec(fields)?.[1] ?? 0);
  const junk = /:resjunk true/.test(fields);
  if (!name || name === "<>" || junk || tbl === 0 || col === 0) return;
  origins.set(name.replace(/\\(.)/g, "$1"), { relationOid: tbl, columnNumber: col });
}
