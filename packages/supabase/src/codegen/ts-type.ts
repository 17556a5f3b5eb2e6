// Maps a PostgreSQL type to the TypeScript type PostgREST's JSON gives for it, following the
// Supabase CLI's conventions (int8 and numeric as number, json as Json, enums by reference).
import type { PgType } from "./introspect.ts";

const STRING_TYPES = new Set([
  "text",
  "varchar",
  "bpchar",
  "char",
  "name",
  "uuid",
  "citext",
  "date",
  "time",
  "timetz",
  "timestamp",
  "timestamptz",
  "interval",
  "bytea",
  "inet",
  "cidr",
  "macaddr",
  "macaddr8",
  "tsvector",
  "tsquery",
  "money",
  "xml",
  "bit",
  "varbit",
  "point",
  "line",
  "lseg",
  "box",
  "path",
  "polygon",
  "circle",
  "int4range",
  "int8range",
  "numrange",
  "tsrange",
  "tstzrange",
  "daterange",
  "regclass",
  "regproc",
  "regtype",
]);

const NUMBER_TYPES = new Set(["int2", "int4", "int8", "float4", "float8", "numeric", "oid"]);

export function tsTypeFor(oid: number, types: Map<number, PgType>, schema: string): string {
  const type = types.get(oid);
  if (!type) return "unknown";
  if (type.category === "A" && type.elementOid !== 0) {
    const element = tsTypeFor(type.elementOid, types, schema);
    return /^[\w.]+$/.test(element) ? `${element}[]` : `(${element})[]`;
  }
  if (type.type === "d") return tsTypeFor(type.baseTypeOid, types, schema);
  if (type.type === "e") {
    return type.schema === schema
      ? `Database[${JSON.stringify(schema)}]["Enums"][${JSON.stringify(type.name)}]`
      : "string";
  }
  if (type.type === "c" && type.relationName && type.schema === schema) {
    return `Database[${JSON.stringify(schema)}]["Tables"][${JSON.stringify(type.relationName)}]["Row"]`;
  }
  if (type.name === "bool") return "boolean";
  if (NUMBER_TYPES.has(type.name)) return "number";
  if (type.name === "json" || type.name === "jsonb") return "Json";
  if (type.name === "void") return "undefined";
  if (type.name === "record") return "Record<string, unknown>";
  if (STRING_TYPES.has(type.name)) return "string";
  return "unknown";
}
