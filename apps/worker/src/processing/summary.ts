import { termFrequencies } from "./keywords.ts";
import { sentences, words } from "./segment.ts";

export interface SummaryOptions {
  /** At most this many sentences (default 5). */
  maxSentences?: number;
  /** Sentences longer than this many words are skipped as run-ons or table debris. */
  maxSentenceWords?: number;
}

/**
 * Extractive summary: each sentence scores the average document frequency of its content words
 * (so sentences about the document's main terms win), a small bonus goes to the opening
 * sentence, and the winners are returned in their original order so the summary reads naturally.
 */
export function summarize(text: string, options: SummaryOptions = {}): string {
  const maxSentences = options.maxSentences ?? 5;
  const maxWords = options.maxSentenceWords ?? 60;
  const all = sentences(text);
  if (all.length <= maxSentences) return all.join(" ");
  const tokens = all.map((sentence) => words(sentence));
  const frequencies = termFrequencies(tokens.flat());
  const scored = all.map((sentence, index) => {
    const sentenceTokens = tokens[index] ?? [];
    const terms = [...termFrequencies(sentenceTokens).keys()];
    const length = sentenceTokens.length;
    const base = terms.reduce((sum, term) => sum + (frequencies.get(term) ?? 0), 0);
    const score = length < 4 || length > maxWords ? -1 : base / Math.sqrt(length);
    return { sentence, index, score: index === 0 ? score * 1.2 : score };
  });
  const take = Math.min(maxSentences, Math.max(1, Math.ceil(all.length * 0.2)));
  return scored
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, take)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.sentence)
    .join(" ");
}
