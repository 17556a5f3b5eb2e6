// A user's search text as an ILIKE "contains" pattern: their % and _ match literally, and
// PostgREST reads * as %, so a * becomes _ (any one character, itself included).
export function containsPattern(term: string): string {
  const escaped = term.replace(/[\\%_]/g, (char) => `\\${char}`).replace(/\*/g, "_");
  return `%${escaped}%`;
}

/** A value safe inside a PostgREST `or=(…)` tree: quoted, with `"` and `\` escaped. */
export function quotedTreeValue(value: string): string {
  return `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}
