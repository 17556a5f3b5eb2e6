import { franc } from "franc-min";
import { sentences, words } from "./segment.ts";

/** Adult silent-reading speed used for the estimate, in words per minute. */
export const READING_WORDS_PER_MINUTE = 238;

/** Below this, trigram detection guesses (two short lines came out as Portuguese): say "und". */
const LANGUAGE_MIN_CHARACTERS = 100;

export interface TextStats {
  characters: number;
  words: number;
  sentences: number;
  paragraphs: number;
  averageWordsPerSentence: number;
  readingTimeSeconds: number;
  readingTimeMinutes: number;
  /** ISO 639-3 code from franc-min, or "und" when the text is too short or unclear. */
  language: string;
}

export function computeStats(text: string): TextStats {
  const wordCount = words(text).length;
  const sentenceCount = sentences(text).length;
  const readingTimeSeconds = Math.round((wordCount / READING_WORDS_PER_MINUTE) * 60);
  return {
    characters: text.length,
    words: wordCount,
    sentences: sentenceCount,
    paragraphs: text.split(/\n\s*\n/).filter((block) => block.trim() !== "").length,
    averageWordsPerSentence: sentenceCount ? round1(wordCount / sentenceCount) : 0,
    readingTimeSeconds,
    readingTimeMinutes: wordCount ? Math.max(1, Math.round(readingTimeSeconds / 60)) : 0,
    language: franc(text, { minLength: LANGUAGE_MIN_CHARACTERS }),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
