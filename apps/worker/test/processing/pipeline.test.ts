import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/processing/analyze.ts";
import { toCsv } from "../../src/processing/csv-writer.ts";
import { DocumentError } from "../../src/processing/errors.ts";
import { detectFileKind } from "../../src/processing/file-kind.ts";
import { MAX_FILE_BYTES } from "../../src/processing/limits.ts";
import { renderOutputs } from "../../src/processing/outputs.ts";
import { makePdf } from "../../src/testing/make-pdf.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("detectFileKind", () => {
  it("goes by extension, falling back to the MIME type only for names without one", () => {
    expect(detectFileKind("Report.PDF")).toBe("pdf");
    expect(detectFileKind("notes", "text/markdown; charset=utf-8")).toBe("markdown");
    expect(() => detectFileKind("photo.png", "image/png")).toThrow(/Unsupported file type "\.png"/);
  });
});

describe("analyzeDocument", () => {
  it("runs every step in order and produces the four outputs", async () => {
    const steps: string[] = [];
    const pdf = makePdf({
      pages: [
        ["Invoice 2024-05-01 for ACME.", "Send questions to billing@acme.example please."],
        ["The total due is $1,200.00 by June 1, 2024."],
      ],
    });
    const analysis = await analyzeDocument(
      { title: "ACME invoice", fileName: "acme.pdf", bytes: pdf },
      (step) => {
        steps.push(step);
      },
    );
    expect(steps).toEqual(["extract", "stats", "entities", "summary"]);
    const outputs = Object.fromEntries(renderOutputs(analysis).map((o) => [o.kind, o]));
    expect(Object.keys(outputs).sort()).toEqual([
      "entities_csv",
      "markdown",
      "stats_json",
      "summary",
    ]);
    expect(outputs.markdown?.content.startsWith("# ACME invoice\n\n## Page 1")).toBe(true);

    const rows = parse(outputs.entities_csv?.content ?? "", { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toContainEqual({ type: "email", value: "billing@acme.example", count: "1" });
    expect(rows).toContainEqual({ type: "date", value: "2024-06-01", count: "1" });
    expect(rows).toContainEqual({ type: "amount", value: "1200.00 USD", count: "1" });

    const stats = JSON.parse(outputs.stats_json?.content ?? "{}");
    expect(stats).toMatchObject({ fileKind: "pdf", pages: 2, entityCounts: { emails: 1 } });
    expect(stats.words).toBeGreaterThan(15);
  });

  it("rejects empty, whitespace-only and oversized documents with clear messages", async () => {
    const run = (bytes: Uint8Array) => analyzeDocument({ title: "t", fileName: "a.txt", bytes });
    await expect(run(new Uint8Array())).rejects.toThrow("The file is empty");
    await expect(run(utf8("  \n\n\t "))).rejects.toThrow(/no readable text/);
    await expect(run(new Uint8Array(MAX_FILE_BYTES + 1))).rejects.toThrow(/too large/);
  });

  it("stops at a step boundary when the caller says so", async () => {
    const cancelled = new Error("cancelled");
    const steps: string[] = [];
    const run = analyzeDocument(
      { title: "t", fileName: "a.txt", bytes: utf8("Some words here. And more words.") },
      (step) => {
        steps.push(step);
        if (step === "entities") throw cancelled;
      },
    );
    await expect(run).rejects.toBe(cancelled);
    expect(steps).toEqual(["extract", "stats", "entities"]);
  });

  it("reports unsupported types as DocumentError before reading anything", async () => {
    await expect(
      analyzeDocument({ title: "t", fileName: "x.docx", bytes: utf8("PK") }),
    ).rejects.toBeInstanceOf(DocumentError);
  });
});

describe("entities CSV", () => {
  it("quotes separators and neutralises spreadsheet formulas", async () => {
    const analysis = await analyzeDocument({
      title: "t",
      fileName: "a.txt",
      bytes: utf8("Pay $5 today. Visit https://a.example/x,y now. Then rest well."),
    });
    const csv = renderOutputs(analysis).find((o) => o.kind === "entities_csv")?.content ?? "";
    expect(csv).toContain('url,"https://a.example/x,y",1');
    expect(toCsv([["=SUM(A1)", "-5", "@x", 'say "hi"']])).toBe(`'=SUM(A1),-5,'@x,"say ""hi"""\r\n`);
  });
});
