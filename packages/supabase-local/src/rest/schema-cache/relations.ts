// Turns catalog rows into Relation objects (keyed by oid) with their keys attached.
import type { Column, Relation, RelationKind } from "./types.ts";

export interface RelationRow {
  oid: string;
  schema: string;
  name: string;
  relkind: string;
  updatable_mask: number;
  columns: {
    name: string;
    num: number;
    type: string;
    typname: string;
    elemtypname: string | null;
    nullable: boolean;
    hasDefault: boolean;
  }[];
}

export interface ConstraintRow {
  name: string;
  type: "p" | "u" | "f";
  rel: string;
  frel: string;
  cols: string[];
  fcols: string[] | null;
}

export interface LoadedRelation {
  relation: Relation;
  /** attnum → column name, for view lineage. */
  columnByNumber: Map<number, string>;
}

const kinds: Record<string, RelationKind> = {
  r: "table",
  p: "table",
  f: "table",
  v: "view",
  m: "view",
};

export function buildRelations(rows: RelationRow[], constraints: ConstraintRow[]) {
  const byOid = new Map<string, LoadedRelation>();
  for (const row of rows) {
    const columns: Column[] = row.columns.map((c) => {
      const base = c.elemtypname ?? c.typname;
      return {
        name: c.name,
        type: c.type,
        isJson: base === "json" || base === "jsonb",
        isTsvector: base === "tsvector",
        nullable: c.nullable,
        hasDefault: c.hasDefault,
      };
    });
    // pg_relation_is_updatable bits: 4 = UPDATE, 8 = INSERT, 16 = DELETE.
    const mask = row.updatable_mask;
    const relation: Relation = {
      schema: row.schema,
      name: row.name,
      kind: kinds[row.relkind] ?? "composite",
      columns,
      columnsByName: new Map(columns.map((c) => [c.name, c])),
      primaryKey: [],
      uniqueKeys: [],
      insertable: (mask & 8) !== 0,
      updatable: (mask & 4) !== 0,
      deletable: (mask & 16) !== 0,
    };
    const columnByNumber = new Map(row.columns.map((c) => [c.num, c.name]));
    byOid.set(row.oid, { relation, columnByNumber });
  }
  for (const con of constraints) {
    const rel = byOid.get(con.rel)?.relation;
    if (!rel || con.type === "f") continue;
    if (con.type === "p") rel.primaryKey = con.cols;
    rel.uniqueKeys.push(con.cols);
  }
  return byOid;
}
