// WHERE conditions from parsed filters and logic trees (spec §4). Operators map to a fixed SQL
// table; values are untyped parameters so PostgreSQL coerces them to the column's type.
import type { Condition, Filter, Operator } from "../parse/types.ts";
import type { Relation } from "../schema-cache/types.ts";
import { columnOf, fieldSql } from "./field.ts";
import type { Params } from "./text.ts";

const sqlOperators: Partial<Record<Operator, string>> = {
  eq: "=",
  neq: "<>",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "LIKE",
  ilike: "ILIKE",
  match: "~",
  imatch: "~*",
  isdistinct: "IS DISTINCT FROM",
  cs: "@>",
  cd: "<@",
  ov: "&&",
  sl: "<<",
  sr: ">>",
  nxr: "&<",
  nxl: "&>",
  adj: "-|-",
};

const tsQueries: Partial<Record<Operator, string>> = {
  fts: "to_tsquery",
  plfts: "plainto_tsquery",
  phfts: "phraseto_tsquery",
  wfts: "websearch_to_tsquery",
};

const isKeywords: Record<string, string> = {
  null: "IS NULL",
  not_null: "IS NOT NULL",
  true: "IS TRUE",
  false: "IS FALSE",
  unknown: "IS UNKNOWN",
};

export interface ConditionScope {
  relation: Relation;
  qualifier: string;
  params: Params;
  /** SQL that is NULL when the embed named `name` has no (matching) row; undefined if no such embed. */
  embedPresence(name: string): string | undefined;
}

export function conditionSql(cond: Condition, scope: ConditionScope): string {
  if (cond.kind === "logic") {
    const parts = cond.children.map((c) => conditionSql(c, scope));
    const joined = `(${parts.join(cond.op === "and" ? " AND " : " OR ")})`;
    return cond.negate ? `NOT ${joined}` : joined;
  }
  const sql = filterSql(cond, scope);
  return cond.negate ? `NOT (${sql})` : sql;
}

function filterSql(f: Filter, scope: ConditionScope): string {
  const { params } = scope;
  if (
    f.op === "is" &&
    f.field.path.length === 0 &&
    (f.value === "null" || f.value === "not_null")
  ) {
    // `<embed>=is.null` tests for related rows, unless a column of that name exists.
    const presence = scope.relation.columnsByName.has(f.field.name)
      ? undefined
      : scope.embedPresence(f.field.name);
    if (presence) return `${presence} ${isKeywords[f.value]}`;
  }
  const lhs = fieldSql(scope.relation, scope.qualifier, f.field, params);
  const value = f.value;
  if (f.op === "is") return `${lhs} ${isKeywords[value as string]}`;
  if (f.op === "in") return `${lhs} = ANY(${params.add(arrayLiteral(value as string[]))})`;
  const tsFn = tsQueries[f.op];
  if (tsFn) {
    const cfg = f.config ? `${params.add(f.config, "regconfig")}, ` : "";
    const column = f.field.path.length === 0 ? columnOf(scope.relation, f.field.name) : undefined;
    const doc = column?.isTsvector ? lhs : `to_tsvector(${cfg}${lhs})`;
    return `${doc} @@ ${tsFn}(${cfg}${params.add(value)})`;
  }
  let text = value as string;
  if (f.op === "like" || f.op === "ilike") text = text.replaceAll("*", "%");
  const op = sqlOperators[f.op] as string;
  if (f.quantifier) return `${lhs} ${op} ${f.quantifier.toUpperCase()}(${params.add(text)})`;
  return `${lhs} ${op} ${params.add(text)}`;
}

/** `{"a","b"}`: every element quoted, so commas, braces and quotes inside stay data. */
export function arrayLiteral(items: string[]): string {
  return `{${items.map((i) => `"${i.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
