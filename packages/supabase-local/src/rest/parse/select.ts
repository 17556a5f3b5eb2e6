// The `select` grammar (spec §2.1): columns, aliases, casts, JSON paths, `*`, embeds with hints
// and `!inner`/`!left`, spreads. Aggregates are disabled on Supabase (PGRST123).
import { RestError } from "../errors.ts";
import { parseJsonPath } from "./field.ts";
import { Scanner } from "./scanner.ts";
import type { SelectItem } from "./types.ts";

const aggregates = ["sum", "avg", "max", "min", "count"];

export function parseSelect(text: string): SelectItem[] {
  const s = new Scanner(text, "select parameter");
  const items = parseList(s, 0);
  if (!s.done) throw s.fail('expecting "," or end of input');
  return items;
}

function parseList(s: Scanner, depth: number): SelectItem[] {
  const items: SelectItem[] = [];
  s.skipSpaces();
  if (s.done || s.peek() === ")") return items;
  for (;;) {
    items.push(parseItem(s, depth));
    s.skipSpaces();
    if (!s.eat(",")) return items;
  }
}

function parseItem(s: Scanner, depth: number): SelectItem {
  s.skipSpaces();
  if (s.eat("*")) return { kind: "star" };
  if (s.eat("...")) {
    const name = s.name();
    return parseEmbed(s, name, undefined, true, depth);
  }
  let name = s.name();
  let alias: string | undefined;
  if (s.peek() === ":" && s.peek(1) !== ":") {
    s.pos++;
    alias = name;
    name = s.name();
  }
  if (s.startsWith("()") && name === "count") throw aggregatesDisabled();
  if (s.peek() === "(" || s.peek() === "!") return parseEmbed(s, name, alias, false, depth);
  const field = { name, path: parseJsonPath(s) };
  let cast: string | undefined;
  if (s.eat("::")) cast = parseType(s);
  if (s.peek() === "." && aggregates.some((a) => s.startsWith(`.${a}(`))) {
    throw aggregatesDisabled();
  }
  const item: SelectItem = { kind: "column", field };
  if (alias !== undefined) item.alias = alias;
  if (cast !== undefined) item.cast = cast;
  return item;
}

function parseEmbed(
  s: Scanner,
  name: string,
  alias: string | undefined,
  spread: boolean,
  depth: number,
): SelectItem {
  if (depth > 32) throw s.fail("embedding nested too deeply");
  let hint: string | undefined;
  let inner = false;
  let seen = 0;
  while (s.eat("!")) {
    if (++seen > 2) throw s.fail('expecting "("');
    const word = s.name();
    if (word === "inner") inner = true;
    else if (word === "left") inner = false;
    else hint = word;
  }
  s.expect("(");
  const select = parseList(s, depth + 1);
  s.skipSpaces();
  s.expect(")");
  const item: SelectItem = { kind: "embed", name, inner, spread, select };
  if (alias !== undefined) item.alias = alias;
  if (hint !== undefined) item.hint = hint;
  return item;
}

/** Cast target: letters, digits, `_`, spaces and a trailing `[]`; anything else is refused. */
function parseType(s: Scanner): string {
  const m = /^[A-Za-z_][A-Za-z0-9_ ]*(\[\])?/.exec(s.text.slice(s.pos));
  if (!m) throw s.fail("expecting a type name");
  s.pos += m[0].length;
  return m[0].trim();
}

function aggregatesDisabled(): RestError {
  return new RestError(400, "PGRST123", "Use of aggregate functions is not allowed");
}
