// A column reference with its JSON path as SQL. JSON operators apply directly to json/jsonb and
// to `to_jsonb(col)` for any other type; path keys are bound text parameters, indexes integers.
import { unknownColumn } from "../errors.ts";
import type { Field } from "../parse/types.ts";
import type { Relation } from "../schema-cache/types.ts";
import { ident, type Params } from "./text.ts";

export function columnOf(relation: Relation, name: string) {
  const column = relation.columnsByName.get(name);
  if (!column) throw unknownColumn(relation.name, name);
  return column;
}

export function fieldSql(relation: Relation, qualifier: string, field: Field, params: Params) {
  const column = columnOf(relation, field.name);
  let sql = `${qualifier}.${ident(column.name)}`;
  if (field.path.length === 0) return sql;
  if (!column.isJson || column.type.endsWith("[]")) sql = `to_jsonb(${sql})`;
  for (const step of field.path) {
    const key = typeof step.key === "number" ? `(${step.key})` : params.add(step.key, "text");
    sql = `(${sql}${step.arrow}${key})`;
  }
  return sql;
}
