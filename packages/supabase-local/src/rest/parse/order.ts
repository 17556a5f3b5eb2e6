// `order=col.desc.nullslast,info->>a,directors(last_name).asc` (spec §5).
import { parseField } from "./field.ts";
import { Scanner } from "./scanner.ts";
import type { OrderTerm } from "./types.ts";

export function parseOrder(value: string, key: string): OrderTerm[] {
  const s = new Scanner(value, `order (${key})`);
  const terms: OrderTerm[] = [];
  for (;;) {
    s.skipSpaces();
    terms.push(parseTerm(s));
    s.skipSpaces();
    if (s.done) return terms;
    s.expect(",");
  }
}

function parseTerm(s: Scanner): OrderTerm {
  const first = parseField(s);
  let term: OrderTerm = { field: first };
  if (first.path.length === 0 && s.eat("(")) {
    term = { relation: first.name, field: parseField(s) };
    s.expect(")");
  }
  while (s.eat(".")) {
    const word = /^[a-z]+/.exec(s.text.slice(s.pos))?.[0] ?? "";
    s.pos += word.length;
    if ((word === "asc" || word === "desc") && !term.direction && !term.nulls) {
      term.direction = word;
    } else if ((word === "nullsfirst" || word === "nullslast") && !term.nulls) {
      term.nulls = word === "nullsfirst" ? "first" : "last";
    } else {
      s.pos -= word.length;
      throw s.fail("expecting asc, desc, nullsfirst or nullslast");
    }
  }
  return term;
}
