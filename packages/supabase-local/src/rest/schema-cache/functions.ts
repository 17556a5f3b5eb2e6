// Turns pg_proc rows into DbFunction objects: IN parameters (with defaults and VARIADIC) and the
// shape of the result (void, scalar, or rows of a table / composite / OUT-parameter record).
import type { LoadedRelation } from "./relations.ts";
import type { Column, DbFunction, FunctionParam, Relation, ReturnShape } from "./types.ts";

export interface FunctionRow {
  schema: string;
  name: string;
  volatility: "i" | "s" | "v";
  retset: boolean;
  rettype: string;
  rettyptype: string;
  retrelid: string;
  nargs: number;
  ndefaults: number;
  variadic: boolean;
  argnames: string[];
  argmodes: string[];
  argtypes: string[];
}

const volatility = { i: "immutable", s: "stable", v: "volatile" } as const;

export function buildFunction(row: FunctionRow, byOid: Map<string, LoadedRelation>): DbFunction {
  const inputs: FunctionParam[] = [];
  const outputs: Column[] = [];
  row.argtypes.forEach((type, i) => {
    const mode = row.argmodes[i] ?? "i";
    const name = row.argnames[i] ?? "";
    if (mode === "i" || mode === "b" || mode === "v") {
      inputs.push({ name, type, hasDefault: false, variadic: mode === "v" });
    }
    if (mode === "o" || mode === "b" || mode === "t") outputs.push(columnOf(name, type));
  });
  // pronargdefaults counts the trailing IN parameters that have a default.
  for (let i = inputs.length - row.ndefaults; i < inputs.length; i++) {
    const p = inputs[i];
    if (p) p.hasDefault = true;
  }
  return {
    schema: row.schema,
    name: row.name,
    params: inputs,
    returns: returnShape(row, outputs, byOid),
    returnsSet: row.retset,
    volatility: volatility[row.volatility],
  };
}

function returnShape(
  row: FunctionRow,
  outputs: Column[],
  byOid: Map<string, LoadedRelation>,
): ReturnShape {
  if (row.rettype === "void") return { kind: "void" };
  if (row.rettyptype === "c") {
    const rel = byOid.get(row.retrelid)?.relation;
    if (rel) return { kind: "composite", relation: rel };
  }
  if (row.rettype === "record" && outputs.length > 0) {
    return { kind: "composite", relation: syntheticRelation(row, outputs) };
  }
  return { kind: "scalar", type: row.rettype };
}

function columnOf(name: string, type: string): Column {
  const base = type.replace(/\[\]$/, "");
  return {
    name,
    type,
    isJson: base === "json" || base === "jsonb",
    isTsvector: base === "tsvector",
    nullable: true,
    hasDefault: false,
  };
}

function syntheticRelation(row: FunctionRow, columns: Column[]): Relation {
  return {
    schema: row.schema,
    name: row.name,
    kind: "composite",
    columns,
    columnsByName: new Map(columns.map((c) => [c.name, c])),
    primaryKey: [],
    uniqueKeys: [],
    insertable: false,
    updatable: false,
    deletable: false,
  };
}
