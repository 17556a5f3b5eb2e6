// Logic trees: `or=(a.eq.1,and(b.gt.2,c.is.null))`, `not.and=(…)` (spec §4.2).
import { parseField } from "./field.ts";
import { parseOperation } from "./filter.ts";
import { Scanner } from "./scanner.ts";
import type { Condition, LogicTree } from "./types.ts";

export function parseLogicTree(
  op: "and" | "or",
  negate: boolean,
  value: string,
  key: string,
): LogicTree {
  const s = new Scanner(value, `logic tree (${key})`);
  const tree = parseGroup(s, op, negate, 0);
  s.skipSpaces();
  if (!s.done) throw s.fail("expecting end of input");
  return tree;
}

function parseGroup(s: Scanner, op: "and" | "or", negate: boolean, depth: number): LogicTree {
  if (depth > 32) throw s.fail("logic tree nested too deeply");
  s.expect("(");
  const children: Condition[] = [];
  for (;;) {
    s.skipSpaces();
    children.push(parseCondition(s, depth));
    s.skipSpaces();
    if (s.eat(")")) return { kind: "logic", op, negate, children };
    s.expect(",");
  }
}

function parseCondition(s: Scanner, depth: number): Condition {
  for (const negate of [true, false]) {
    for (const op of ["and", "or"] as const) {
      if (s.startsWith(`${negate ? "not." : ""}${op}(`)) {
        s.pos += (negate ? 4 : 0) + op.length;
        return parseGroup(s, op, negate, depth + 1);
      }
    }
  }
  const field = parseField(s);
  s.expect(".");
  return parseOperation(s, field, true);
}
