// Word and sentence boundaries come from Intl.Segmenter (ICU's Unicode rules), which handles
// abbreviations, quotes and non-Latin scripts far better than a hand-made regular expression.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: "word" });
const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });

export function words(text: string): string[] {
  const out: string[] = [];
  for (const part of wordSegmenter.segment(text)) {
    if (part.isWordLike) out.push(part.segment);
  }
  return out;
}

// ICU breaks after every "Dr." or "e.g." followed by a capital; these titles and abbreviations
// almost never end a sentence, so the following segment is joined back on.
const ABBREVIATION =
  /(?:^|\s)(?:dr|mr|mrs|ms|prof|st|sr|jr|vs|etc|inc|ltd|no|fig|e\.g|i\.e|cf)\.$/i;

/** Sentences, trimmed; a paragraph break always ends a sentence (headings, list items). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let pending = "";
    for (const part of sentenceSegmenter.segment(paragraph)) {
      pending += part.segment;
      const sentence = pending.replace(/\s+/g, " ").trim();
      if (ABBREVIATION.test(sentence)) continue;
      if (/\p{L}|\p{N}/u.test(sentence)) out.push(sentence);
      pending = "";
    }
    const rest = pending.replace(/\s+/g, " ").trim();
    if (/\p{L}|\p{N}/u.test(rest)) out.push(rest);
  }
  return out;
}
