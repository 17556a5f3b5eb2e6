import { STOPWORDS } from "./stopwords.ts";

export interface Counted {
  value: string;
  count: number;
}

/**
 * Content words with their frequencies: lower-cased, 3+ characters, letters only (so numbers and
 * pieces of addresses such as "ann.lee" do not count), not stopwords.
 */
export function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    const term = token.toLowerCase();
    if (term.length < 3 || STOPWORDS.has(term) || !/^\p{L}[\p{L}\p{M}'’-]*$/u.test(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Most frequent first; ties broken alphabetically so the output is stable across runs. */
export function topCounted(counts: Map<string, number>, limit: number): Counted[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}
