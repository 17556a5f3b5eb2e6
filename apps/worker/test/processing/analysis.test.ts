import { describe, expect, it } from "vitest";
import { normalizeDate } from "../../src/processing/dates.ts";
import { extractEntities } from "../../src/processing/entities.ts";
import { computeStats, READING_WORDS_PER_MINUTE } from "../../src/processing/stats.ts";
import { summarize } from "../../src/processing/summary.ts";

describe("computeStats", () => {
  it("counts words, sentences and paragraphs and estimates reading time", () => {
    const text =
      "Dr. Smith arrived at 9 a.m. today. He left early!\n\nWas it raining? Nobody knows.";
    const stats = computeStats(text);
    expect(stats.words).toBe(16); // "a.m." counts as two
    expect(stats.sentences).toBe(4);
    expect(stats.paragraphs).toBe(2);
    expect(stats.readingTimeSeconds).toBe(Math.round((16 / READING_WORDS_PER_MINUTE) * 60));
    expect(stats.readingTimeMinutes).toBe(1);
  });

  it("detects the language of a passage, and says 'und' when too short", () => {
    const english =
      "The committee reviewed the proposal carefully and decided that the budget should be increased next year.";
    const french =
      "Le comité a examiné la proposition avec attention et a décidé que le budget devait être augmenté l'année prochaine.";
    expect(computeStats(english).language).toBe("eng");
    expect(computeStats(french).language).toBe("fra");
    expect(computeStats("Hi there").language).toBe("und");
    expect(computeStats("Quarterly report\n\nRevenue grew.").language).toBe("und");
  });
});

describe("extractEntities", () => {
  const text = `Contact Ann.Lee@Example.com or ann.lee@example.com (billing: ops@docket.example).
See https://docket.example/pricing?plan=pro, and www.example.org/about.
Invoice dated 2024-03-15 and March 3rd, 2024, also 15/03/2024; 03/04/2024 is ambiguous; 2024-02-30 is not a date.
Total $1,234.50 plus 20 EUR and €5; refund of 12 dollars. Invoice invoice INVOICE payment payment.`;
  const entities = extractEntities(text, 3);

  it("finds e-mail addresses case-insensitively, counting repeats", () => {
    expect(entities.emails).toEqual([
      { value: "ann.lee@example.com", count: 2 },
      { value: "ops@docket.example", count: 1 },
    ]);
  });

  it("finds URLs without the sentence punctuation after them", () => {
    expect(entities.urls.map((u) => u.value)).toEqual([
      "https://docket.example/pricing?plan=pro",
      "www.example.org/about",
    ]);
  });

  it("normalises unambiguous dates, keeps ambiguous ones and drops impossible ones", () => {
    expect(entities.dates).toEqual([
      { value: "2024-03-15", count: 2 },
      { value: "2024-03-03", count: 1 },
      { value: "03/04/2024", count: 1 },
    ]);
    expect(normalizeDate("2024-02-30")).toBeNull();
  });

  it("finds amounts with symbols, codes and currency words", () => {
    expect(entities.amounts.map((a) => a.value)).toEqual([
      "1234.50 USD",
      "20 EUR",
      "5 EUR",
      "12 USD",
    ]);
  });

  it("ranks keywords by frequency, ignoring stopwords and case", () => {
    expect(entities.keywords.slice(0, 2)).toEqual([
      { value: "invoice", count: 4 },
      { value: "payment", count: 2 },
    ]);
    const values = entities.keywords.map((k) => k.value);
    expect(values).not.toContain("and");
    expect(values).not.toContain("ann.lee");
  });
});

describe("summarize", () => {
  it("returns short texts whole", () => {
    expect(summarize("One sentence here. Another one there.")).toBe(
      "One sentence here. Another one there.",
    );
  });

  it("picks the sentences about the main topic, in their original order", () => {
    const sentences = [
      "The invoice payment process starts when the customer receives an invoice.",
      "My cat enjoys sunny windowsills.",
      "Each payment must reference the invoice number and the customer account.",
      "Lunch was pleasant yesterday afternoon.",
      "Late payment of an invoice triggers a reminder to the customer.",
      "Bicycles need regular maintenance.",
      "Trees grow slowly in cold climates.",
      "The museum opens at ten.",
      "Rain is expected over the weekend.",
      "Trains were running on time.",
    ];
    const topical = [sentences[0], sentences[2], sentences[4]] as string[];
    const summary = summarize(sentences.join(" "), { maxSentences: 2 });
    const picked = topical.filter((sentence) => summary.includes(sentence));
    expect(picked).toHaveLength(2);
    // Exactly the picked topical sentences, in document order, and nothing else.
    expect(summary).toBe(picked.join(" "));
  });
});
