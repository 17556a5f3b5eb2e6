// Picks the figures worth showing from the worker's stats JSON. Unknown or missing fields are
// skipped rather than trusted: the file is data, not code.

export interface StatItem {
  label: string;
  value: string;
}

const languages: Record<string, string> = {
  eng: "English",
  fra: "French",
  deu: "German",
  spa: "Spanish",
  ita: "Italian",
  por: "Portuguese",
  nld: "Dutch",
  und: "Undetermined",
};

function num(source: Record<string, unknown>, key: string): number | null {
  const value = source[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function statItems(json: string): { items: StatItem[]; keywords: string[] } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const s = parsed as Record<string, unknown>;
  const items: StatItem[] = [];
  const add = (label: string, value: number | null, unit = "") => {
    if (value !== null) items.push({ label, value: `${value.toLocaleString("en")}${unit}` });
  };
  add("Words", num(s, "words"));
  add("Sentences", num(s, "sentences"));
  add("Paragraphs", num(s, "paragraphs"));
  add("Characters", num(s, "characters"));
  add("Words per sentence", num(s, "averageWordsPerSentence"));
  add("Reading time", num(s, "readingTimeMinutes"), " min");
  add("Pages", num(s, "pages"));
  add("Rows", num(s, "rows"));
  if (typeof s.language === "string") {
    items.push({ label: "Language", value: languages[s.language] ?? s.language });
  }
  const keywords = Array.isArray(s.topKeywords)
    ? s.topKeywords.filter((k): k is string => typeof k === "string").slice(0, 12)
    : [];
  return { items, keywords };
}
