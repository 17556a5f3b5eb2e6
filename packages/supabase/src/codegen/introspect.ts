// Reads what the Data API can expose from one schema of a live database: relations, columns,
// foreign keys, enums and functions, plus the pg_type rows needed to name their types.
import type { Client } from "pg";

export interface PgType {
  oid: number;
  name: string;
  schema: string;
  /** b base, c composite, d domain, e enum, p pseudo, r range, m multirange */
  type: string;
  category: string;
  elementOid: number;
  relationName: string | null;
  baseTypeOid: number;
}

export interface ColumnInfo {
  name: string;
  typeOid: number;
  nullable: boolean;
  hasDefault: boolean;
  identity: "" | "a" | "d";
  generated: "" | "s";
}

export interface RelationInfo {
  name: string;
  kind: "table" | "view";
  columns: ColumnInfo[];
}

export interface ForeignKeyInfo {
  name: string;
  table: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  oneToOne: boolean;
}

export interface FunctionInfo {
  name: string;
  returnsSet: boolean;
  returnTypeOid: number;
  /** Input arguments in order; `optional` when it has a default. */
  args: { name: string; typeOid: number; optional: boolean }[];
  /** Columns of `returns table (...)` or OUT parameters. */
  outColumns: { name: string; typeOid: number }[];
}

export interface SchemaInfo {
  schema: string;
  relations: RelationInfo[];
  foreignKeys: ForeignKeyInfo[];
  enums: { name: string; values: string[] }[];
  functions: FunctionInfo[];
  types: Map<number, PgType>;
}

const TYPES_SQL = `
  select t.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype as type,
         t.typcategory as category, t.typelem::int as "elementOid", c.relname as "relationName",
         t.typbasetype::int as "baseTypeOid"
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
  left join pg_class c on c.oid = t.typrelid`;

const RELATIONS_SQL = `
  select c.relname as name, case when c.relkind in ('r', 'p') then 'table' else 'view' end as kind,
         coalesce(json_agg(json_build_object(
           'name', a.attname, 'typeOid', a.atttypid::int, 'nullable', not a.attnotnull,
           'hasDefault', a.atthasdef, 'identity', a.attidentity, 'generated', a.attgenerated
         ) order by a.attnum) filter (where a.attnum is not null), '[]') as columns
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm')
  group by c.relname, c.relkind
  order by c.relname`;

const FOREIGN_KEYS_SQL = `
  select con.conname as name, cl.relname as "table",
         array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num
               order by k.ord)::text[] as columns,
         fn.nspname as "referencedSchema", fcl.relname as "referencedTable",
         array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num
               order by k.ord)::text[] as "referencedColumns",
         exists (select 1 from pg_constraint u
                 where u.conrelid = con.conrelid and u.contype in ('p', 'u')
                   and u.conkey @> con.conkey and u.conkey <@ con.conkey) as "oneToOne"
  from pg_constraint con
  join pg_class cl on cl.oid = con.conrelid
  join pg_namespace n on n.oid = cl.relnamespace
  join pg_class fcl on fcl.oid = con.confrelid
  join pg_namespace fn on fn.oid = fcl.relnamespace
  where con.contype = 'f' and n.nspname = $1
  order by cl.relname, con.conname`;

const ENUMS_SQL = `
  select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
  join pg_enum e on e.enumtypid = t.oid
  where n.nspname = $1
  group by t.typname
  order by t.typname`;

const FUNCTIONS_SQL = `
  select p.proname as name, p.proretset as "returnsSet", p.prorettype::int as "returnTypeOid",
         coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as "argTypes",
         p.proargmodes::text[] as "argModes", p.proargnames as "argNames",
         p.pronargs::int as "inputCount", p.pronargdefaults::int as "defaultCount"
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  join pg_type rt on rt.oid = p.prorettype
  where n.nspname = $1 and p.prokind = 'f'
    and rt.typname not in ('trigger', 'event_trigger')
  order by p.proname, p.oid`;

interface FunctionRow {
  name: string;
  returnsSet: boolean;
  returnTypeOid: number;
  argTypes: number[];
  argModes: string[] | null;
  argNames: string[] | null;
  inputCount: number;
  defaultCount: number;
}

function toFunctionInfo(row: FunctionRow): FunctionInfo {
  const args: FunctionInfo["args"] = [];
  const outColumns: FunctionInfo["outColumns"] = [];
  row.argTypes.forEach((typeOid, index) => {
    const mode = row.argModes?.[index] ?? "i";
    const name = row.argNames?.[index] ?? "";
    if (mode === "i" || mode === "b" || mode === "v") {
      args.push({ name, typeOid, optional: false });
    }
    if (mode === "o" || mode === "b" || mode === "t") outColumns.push({ name, typeOid });
  });
  // Defaults belong to the last `defaultCount` input arguments.
  args.forEach((arg, index) => {
    arg.optional = index >= row.inputCount - row.defaultCount;
  });
  return {
    name: row.name,
    returnsSet: row.returnsSet,
    returnTypeOid: row.returnTypeOid,
    args,
    outColumns,
  };
}

export async function introspectSchema(db: Client, schema: string): Promise<SchemaInfo> {
  // One after another: a pg Client runs a single query at a time anyway.
  const types = await db.query<PgType>(TYPES_SQL);
  const relations = await db.query<RelationInfo>(RELATIONS_SQL, [schema]);
  const foreignKeys = await db.query<ForeignKeyInfo>(FOREIGN_KEYS_SQL, [schema]);
  const enums = await db.query<{ name: string; values: string[] }>(ENUMS_SQL, [schema]);
  const functions = await db.query<FunctionRow>(FUNCTIONS_SQL, [schema]);
  return {
    schema,
    relations: relations.rows,
    foreignKeys: foreignKeys.rows,
    enums: enums.rows,
    functions: functions.rows.map(toFunctionInfo),
    types: new Map(types.rows.map((type) => [type.oid, type])),
  };
}
