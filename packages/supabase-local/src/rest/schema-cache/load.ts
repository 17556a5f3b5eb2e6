// Reads the schema cache from the catalogs in four queries. Runs at start, after migrations and
// on NOTIFY pgrst 'reload schema'; requests never query the catalogs.
import type pg from "pg";
import {
  constraintsQuery,
  functionsQuery,
  relationsQuery,
  viewDefinitionsQuery,
} from "./catalog-queries.ts";
import { buildFunction, type FunctionRow } from "./functions.ts";
import { buildRelations, type ConstraintRow, type RelationRow } from "./relations.ts";
import { buildRelationships, resolveViewOrigins } from "./relationships.ts";
import type { DbFunction, Relation, SchemaCache } from "./types.ts";
import { type ColumnOrigin, viewColumnOrigins } from "./view-lineage.ts";

export async function loadSchemaCache(pool: pg.Pool, schemas: string[]): Promise<SchemaCache> {
  const [rels, cons, views, fns] = await Promise.all([
    pool.query<RelationRow>(relationsQuery, [schemas]),
    pool.query<ConstraintRow>(constraintsQuery, [schemas]),
    pool.query<{ oid: string; action: string }>(viewDefinitionsQuery, [schemas]),
    pool.query<FunctionRow>(functionsQuery, [schemas]),
  ]);
  const byOid = buildRelations(rels.rows, cons.rows);
  const rawOrigins = new Map<string, Map<string, ColumnOrigin>>();
  for (const v of views.rows) rawOrigins.set(v.oid, viewColumnOrigins(v.action));
  const relationships = buildRelationships(byOid, cons.rows, resolveViewOrigins(byOid, rawOrigins));

  const relations = new Map<string, Relation>();
  for (const { relation } of byOid.values()) {
    if (relation.kind !== "composite" && schemas.includes(relation.schema)) {
      relations.set(key(relation.schema, relation.name), relation);
    }
  }
  const functions = new Map<string, DbFunction[]>();
  for (const row of fns.rows) {
    const fn = buildFunction(row, byOid);
    const k = key(fn.schema, fn.name);
    functions.set(k, [...(functions.get(k) ?? []), fn]);
  }

  return {
    schemas,
    relation: (schema, name) => relations.get(key(schema, name)),
    relationships: (source) => relationships.get(source) ?? [],
    functions: (schema, name) => functions.get(key(schema, name)) ?? [],
    allFunctionNames: (schema) =>
      [...functions.values()].flatMap((f) =>
        f.filter((x) => x.schema === schema).map((x) => x.name),
      ),
  };
}

function key(schema: string, name: string): string {
  return `${schema}\u0000${name}`;
}
