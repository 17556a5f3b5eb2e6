// Filter values `[not.]op[(any|all|config)].value` (spec §4.1), at the top level of a query
// parameter or inside a logic tree, where a value ends at the next unquoted `,` or `)`.
import { parseError } from "../errors.ts";
import { Scanner } from "./scanner.ts";
import type { Field, Filter, Operator } from "./types.ts";

const operators = new Set<Operator>([
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "like",
  "ilike",
  "match",
  "imatch",
  "in",
  "is",
  "isdistinct",
  "fts",
  "plfts",
  "phfts",
  "wfts",
  "cs",
  "cd",
  "ov",
  "sl",
  "sr",
  "nxr",
  "nxl",
  "adj",
]);
const quantifiable = new Set<Operator>([
  "eq",
  "gt",
  "gte",
  "lt",
  "lte",
  "like",
  "ilike",
  "match",
  "imatch",
]);
const textSearch = new Set<Operator>(["fts", "plfts", "phfts", "wfts"]);
const isValues = new Set(["null", "true", "false", "unknown", "not_null"]);

/** A whole query-parameter value: `eq.5`, `not.in.(1,2)`. */
export function parseFilter(field: Field, value: string, key: string): Filter {
  const s = new Scanner(value, `filter (${key})`);
  const filter = parseOperation(s, field, false);
  if (!s.done) throw s.fail("expecting end of input");
  return filter;
}

/** True when a value parses as `op.value` (RPC GET tells filters from arguments this way). */
export function looksLikeFilter(value: string): boolean {
  const m = /^(?:not\.)?([a-z]+)(?:\([^)]*\))?\./.exec(value);
  return m !== null && operators.has(m[1] as Operator);
}

export function parseOperation(s: Scanner, field: Field, inTree: boolean): Filter {
  const negate = s.eat("not.");
  const opMatch = /^[a-z]+/.exec(s.text.slice(s.pos));
  const op = opMatch?.[0] as Operator | undefined;
  if (!op || !operators.has(op)) throw s.fail("expecting an operator (eq, gt, in, is, …)");
  s.pos += op.length;
  const filter: Filter = { kind: "filter", field, negate, op, value: "" };
  if (s.eat("(")) {
    const mod = s.name();
    s.expect(")");
    if ((mod === "any" || mod === "all") && quantifiable.has(op)) filter.quantifier = mod;
    else if (textSearch.has(op)) filter.config = mod;
    else throw s.fail(`expecting "." after ${op}`);
  }
  s.expect(".");
  if (op === "in") {
    filter.value = parseList(s);
  } else {
    filter.value = inTree ? treeValue(s) : s.text.slice(s.pos);
    if (!inTree) s.pos = s.text.length;
  }
  if (op === "is") {
    const v = (filter.value as string).toLowerCase();
    if (!isValues.has(v)) throw s.fail("expecting null, true, false, unknown or not_null");
    filter.value = v;
  }
  return filter;
}

/** `(a,b,"c,d")`: elements may be double-quoted with `\` escapes; spaces around are ignored. */
function parseList(s: Scanner): string[] {
  s.expect("(");
  const items: string[] = [];
  s.skipSpaces();
  if (s.eat(")")) return items;
  for (;;) {
    s.skipSpaces();
    items.push(s.peek() === '"' ? quoted(s) : unquoted(s, ",)").trim());
    s.skipSpaces();
    if (s.eat(")")) return items;
    s.expect(",");
  }
}

function quoted(s: Scanner): string {
  s.expect('"');
  let out = "";
  while (!s.done && s.peek() !== '"') {
    if (s.peek() === "\\") s.pos++;
    out += s.peek();
    s.pos++;
  }
  s.expect('"');
  return out;
}

function unquoted(s: Scanner, stops: string): string {
  const start = s.pos;
  while (!s.done && !stops.includes(s.peek())) s.pos++;
  return s.text.slice(start, s.pos);
}

/** A value inside a logic tree: quoted, a `{…}` array/json literal, a `[a,b)` range, or up to
 * the next `,`/`)`. */
function treeValue(s: Scanner): string {
  if (s.peek() === '"') return quoted(s);
  const start = s.pos;
  if (s.peek() === "{") {
    let depth = 0;
    while (!s.done) {
      const ch = s.peek();
      s.pos++;
      if (ch === "{") depth++;
      if (ch === "}" && --depth === 0) return s.text.slice(start, s.pos);
    }
    throw s.fail('expecting "}"');
  }
  if (s.peek() === "[" || s.peek() === "(") {
    while (!s.done && s.peek() !== "]" && s.peek() !== ")") s.pos++;
    if (!s.eat("]") && !s.eat(")")) throw s.fail('expecting "]" or ")"');
    return s.text.slice(start, s.pos);
  }
  return unquoted(s, ",)");
}

export function filterParseError(key: string, details: string): Error {
  return parseError(`filter (${key})`, details);
}
