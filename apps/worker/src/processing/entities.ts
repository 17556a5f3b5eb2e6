import { normalizeDate } from "./dates.ts";
import { type Counted, termFrequencies, topCounted } from "./keywords.ts";
import { words } from "./segment.ts";

export interface Entities {
  emails: Counted[];
  urls: Counted[];
  /** YYYY-MM-DD when unambiguous, otherwise as written; impossible dates are dropped. */
  dates: Counted[];
  /** Normalised as "<amount> <currency>", e.g. "1234.50 USD". */
  amounts: Counted[];
  keywords: Counted[];
}

const EMAIL =
  /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DATE = new RegExp(
  `\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2} (?:${MONTHS})\\.? \\d{4})\\b`,
  "gi",
);
const SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };
const CODES = "USD|EUR|GBP|JPY|CHF|CAD|AUD|dollars?|euros?|pounds?";
const NUMBER = "\\d{1,3}(?:[,\\s]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
const AMOUNT = new RegExp(
  `([$€£¥])\\s?(${NUMBER})|\\b(${NUMBER})\\s?(${CODES})\\b|\\b(${CODES})\\s?(${NUMBER})`,
  "gi",
);
const CODE_NAMES: Record<string, string> = { dollar: "USD", euro: "EUR", pound: "GBP" };

export function extractEntities(text: string, keywordLimit = 10): Entities {
  return {
    emails: count(matchAll(text, EMAIL).map((email) => email.toLowerCase())),
    urls: count(matchAll(text, URL_PATTERN).map(trimUrl)),
    dates: count(matchAll(text, DATE).flatMap((raw) => normalizeDate(raw) ?? [])),
    amounts: count(amounts(text)),
    // Addresses are entities of their own; their pieces ("example", "com") are not keywords.
    keywords: topCounted(
      termFrequencies(words(text.replace(EMAIL, " ").replace(URL_PATTERN, " "))),
      keywordLimit,
    ),
  };
}

function matchAll(text: string, pattern: RegExp): string[] {
  return Array.from(text.matchAll(pattern), (match) => match[0]);
}

/** Sentence punctuation and a closing bracket after a URL belong to the prose, not the URL. */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'"]+$/, "");
  if (out.endsWith(")") && !out.includes("(")) out = out.slice(0, -1);
  return out;
}

function amounts(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const [, symbol, symbolValue, codeValue, codeAfter, codeBefore, valueAfterCode] = match;
    const value = symbolValue ?? codeValue ?? valueAfterCode ?? "";
    const currency = symbol ? SYMBOLS[symbol] : currencyCode(codeAfter ?? codeBefore ?? "");
    out.push(`${value.replace(/[,\s]/g, "")} ${currency}`);
  }
  return out;
}

function currencyCode(word: string): string {
  const lower = word.toLowerCase().replace(/s$/, "");
  return CODE_NAMES[lower] ?? word.toUpperCase();
}

function count(values: string[]): Counted[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, count: n }));
}
