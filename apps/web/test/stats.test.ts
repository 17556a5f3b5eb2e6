import { describe, expect, it } from "vitest";
import { statItems } from "../src/documents/stats.ts";

describe("statItems", () => {
  it("shows the worker's figures with labels and units", () => {
    const json = JSON.stringify({
      fileKind: "pdf",
      words: 1234,
      sentences: 56,
      readingTimeMinutes: 6,
      language: "eng",
      pages: 3,
      topKeywords: ["invoice", "total", 7],
    });
    const result = statItems(json);
    expect(result?.items).toEqual([
      { label: "Words", value: "1,234" },
      { label: "Sentences", value: "56" },
      { label: "Reading time", value: "6 min" },
      { label: "Pages", value: "3" },
      { label: "Language", value: "English" },
    ]);
    expect(result?.keywords).toEqual(["invoice", "total"]);
  });

  it("ignores fields of the wrong type and refuses what is not a JSON object", () => {
    expect(statItems(JSON.stringify({ words: "many" }))?.items).toEqual([]);
    expect(statItems("[1,2]")).toBeNull();
    expect(statItems("{not json")).toBeNull();
  });
});
