// Column names with JSON paths: `info`, `info->>imdb_id`, `"a b"->tags->0`.
import type { Scanner } from "./scanner.ts";
import type { Field, JsonPathStep } from "./types.ts";

export function parseField(s: Scanner): Field {
  const name = s.name();
  return { name, path: parseJsonPath(s) };
}

export function parseJsonPath(s: Scanner): JsonPathStep[] {
  const path: JsonPathStep[] = [];
  for (;;) {
    let arrow: JsonPathStep["arrow"];
    if (s.eat("->>")) arrow = "->>";
    else if (s.eat("->")) arrow = "->";
    else return path;
    const int = /^-?\d+/.exec(s.text.slice(s.pos));
    const after = int ? s.text.slice(s.pos + int[0].length) : "";
    if (int && !/^[\p{L}_$]/u.test(after) && !after.startsWith('"')) {
      s.pos += int[0].length;
      path.push({ arrow, key: Number(int[0]) });
    } else {
      path.push({ arrow, key: s.name() });
    }
  }
}

/** The JSON key a field gets in the output: the last path key, else the column name. */
export function outputKey(field: Field): string {
  for (let i = field.path.length - 1; i >= 0; i--) {
    const key = field.path[i]?.key;
    if (typeof key === "string") return key;
  }
  return field.name;
}
