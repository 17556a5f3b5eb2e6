// Builds every relationship PostgREST can embed (spec §3.1): many-to-one / one-to-many from
// foreign keys (one-to-one when the FK columns are a key), many-to-many through junction tables
// whose primary key covers both foreign keys, and the same for views that expose those columns.
import type { ConstraintRow, LoadedRelation } from "./relations.ts";
import type { Relation, Relationship } from "./types.ts";
import type { ColumnOrigin } from "./view-lineage.ts";

interface Endpoint {
  relation: Relation;
  columns: string[];
}

interface ForeignKey {
  name: string;
  child: LoadedRelation;
  parent: LoadedRelation;
  childColumns: string[];
  parentColumns: string[];
}

export interface ViewColumns {
  view: LoadedRelation;
  /** view column name → origin (already resolved through views of views). */
  origins: Map<string, { relation: LoadedRelation; column: string }>;
}

export function buildRelationships(
  byOid: Map<string, LoadedRelation>,
  constraints: ConstraintRow[],
  views: ViewColumns[],
): Map<Relation, Relationship[]> {
  const fks: ForeignKey[] = [];
  for (const con of constraints) {
    if (con.type !== "f" || !con.fcols) continue;
    const child = byOid.get(con.rel);
    const parent = byOid.get(con.frel);
    // FKs to tables outside the exposed schemas (e.g. auth.users) are not embeddable.
    if (!child || !parent || parent.relation.kind !== "table") continue;
    fks.push({ name: con.name, child, parent, childColumns: con.cols, parentColumns: con.fcols });
  }
  const out = new Map<Relation, Relationship[]>();
  const add = (r: Relationship) => {
    const list = out.get(r.source) ?? [];
    list.push(r);
    out.set(r.source, list);
  };
  const endpoints = (rel: LoadedRelation, columns: string[]) => endpointsOf(rel, columns, views);

  for (const fk of fks) {
    const isKey = fk.child.relation.uniqueKeys.some((k) => sameSet(k, fk.childColumns));
    for (const c of endpoints(fk.child, fk.childColumns)) {
      for (const p of endpoints(fk.parent, fk.parentColumns)) {
        const base = { constraint: fk.name };
        add({
          ...base,
          cardinality: isKey ? "one-to-one" : "many-to-one",
          source: c.relation,
          target: p.relation,
          sourceColumns: c.columns,
          targetColumns: p.columns,
          fkOnSource: true,
        });
        add({
          ...base,
          cardinality: isKey ? "one-to-one" : "one-to-many",
          source: p.relation,
          target: c.relation,
          sourceColumns: p.columns,
          targetColumns: c.columns,
          fkOnSource: false,
        });
      }
    }
  }

  // Junctions: two different FKs of one table, both covered by its primary key.
  for (const a of fks) {
    for (const b of fks) {
      if (a === b || a.child !== b.child) continue;
      const pk = a.child.relation.primaryKey;
      if (!a.childColumns.every((c) => pk.includes(c))) continue;
      if (!b.childColumns.every((c) => pk.includes(c))) continue;
      for (const s of endpoints(a.parent, a.parentColumns)) {
        for (const t of endpoints(b.parent, b.parentColumns)) {
          add({
            cardinality: "many-to-many",
            source: s.relation,
            target: t.relation,
            constraint: a.child.relation.name,
            sourceColumns: s.columns,
            targetColumns: t.columns,
            fkOnSource: false,
            junction: {
              relation: a.child.relation,
              sourceConstraint: a.name,
              targetConstraint: b.name,
              junctionSource: a.childColumns,
              junctionTarget: b.childColumns,
            },
          });
        }
      }
    }
  }
  return out;
}

/** The table itself plus every view that exposes all of `columns` unchanged. */
function endpointsOf(rel: LoadedRelation, columns: string[], views: ViewColumns[]): Endpoint[] {
  const result: Endpoint[] = [{ relation: rel.relation, columns }];
  for (const v of views) {
    const mapped: string[] = [];
    for (const col of columns) {
      const viewCol = [...v.origins].find(([, o]) => o.relation === rel && o.column === col)?.[0];
      if (!viewCol) break;
      mapped.push(viewCol);
    }
    if (mapped.length === columns.length)
      result.push({ relation: v.view.relation, columns: mapped });
  }
  return result;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Resolves raw origins (oid/attnum) to loaded relations, following views of views. */
export function resolveViewOrigins(
  byOid: Map<string, LoadedRelation>,
  raw: Map<string, Map<string, ColumnOrigin>>,
): ViewColumns[] {
  const result: ViewColumns[] = [];
  for (const [oid, origins] of raw) {
    const view = byOid.get(oid);
    if (!view) continue;
    const resolved = new Map<string, { relation: LoadedRelation; column: string }>();
    for (const [name, origin] of origins) {
      let relOid = String(origin.relationOid);
      let colNum = origin.columnNumber;
      // Views of views: follow the chain (bounded, views cannot be cyclic).
      for (let hop = 0; hop < 16; hop++) {
        const rel = byOid.get(relOid);
        const colName = rel?.columnByNumber.get(colNum);
        if (!rel || !colName) break;
        const next = raw.get(relOid)?.get(colName);
        if (rel.relation.kind === "table" || !next) {
          if (rel.relation.kind === "table") resolved.set(name, { relation: rel, column: colName });
          break;
        }
        relOid = String(next.relationOid);
        colNum = next.columnNumber;
      }
    }
    result.push({ view, origins: resolved });
  }
  return result;
}
