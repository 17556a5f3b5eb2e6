import { describe, expect, it } from "vitest";
import { DocumentError } from "../../src/processing/errors.ts";
import { extract } from "../../src/processing/extract/index.ts";
import { makePdf } from "../../src/testing/make-pdf.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("extract", () => {
  it("reads the text layer of a multi-page PDF, page by page", async () => {
    const pdf = makePdf({
      pages: [["Quarterly report (draft)", "Revenue grew strongly."], ["Second page text here."]],
    });
    const result = await extract(pdf, "pdf");
    expect(result.units).toEqual({ pages: 2 });
    expect(result.text).toContain("Quarterly report (draft)");
    expect(result.text).toContain("Second page text here.");
    expect(result.markdown).toMatch(/## Page 1\n\n.*Quarterly report/s);
    expect(result.markdown).toMatch(/## Page 2\n\nSecond page/);
  });

  it("rejects a corrupt PDF with a clear message", async () => {
    const good = makePdf({ pages: [["hello"]] });
    const corrupt = good.slice(0, 40);
    await expect(extract(corrupt, "pdf")).rejects.toThrow(DocumentError);
    await expect(extract(utf8("just text"), "pdf")).rejects.toThrow(/not a PDF/);
  });

  it("rejects a PDF without a text layer", async () => {
    await expect(extract(makePdf({ pages: [[]] }), "pdf")).rejects.toThrow(/no text layer/);
  });

  it("turns HTML into text and Markdown, skipping scripts and styles", async () => {
    const html = `<!doctype html><html><head><title>x</title><style>p{}</style></head><body>
      <h1>Release &amp; notes</h1><script>alert("no")</script>
      <p>Read the <a href="https://docket.example/docs">docs</a> first.</p>
      <ul><li>One</li><li>Two</li></ul><pre>code  line</pre></body></html>`;
    const result = await extract(utf8(html), "html");
    expect(result.markdown).toContain("# Release & notes");
    expect(result.markdown).toContain("[docs](https://docket.example/docs)");
    expect(result.markdown).toContain("- One\n\n- Two");
    expect(result.markdown).toContain("```\ncode  line\n```");
    expect(result.text).not.toContain("alert");
    expect(result.text).not.toContain("p{}");
    expect(result.text).toContain("Read the docs first.");
  });

  it("parses CSV with quoted commas and newlines into a Markdown table", async () => {
    const csv = 'name,note\r\n"Smith, Ann","line one\nline two"\r\nBob,"says ""hi"""\r\n';
    const result = await extract(utf8(csv), "csv");
    expect(result.units).toEqual({ rows: 2 });
    expect(result.markdown.split("\n")).toEqual([
      "| name | note |",
      "| --- | --- |",
      "| Smith, Ann | line one line two |",
      '| Bob | says "hi" |',
    ]);
  });

  it("rejects malformed CSV and JSON with the parser's reason", async () => {
    await expect(extract(utf8('a,b\n"unterminated,1\n'), "csv")).rejects.toThrow(
      /CSV file could not be parsed/,
    );
    await expect(extract(utf8('{"a": '), "json")).rejects.toThrow(/not valid JSON/);
  });

  it("takes JSON string values as text and pretty-prints the Markdown", async () => {
    const result = await extract(utf8('{"title":"Hello world","n":3,"tags":["alpha"]}'), "json");
    expect(result.text).toBe("Hello world\nalpha");
    expect(result.markdown).toBe(
      '```json\n{\n  "title": "Hello world",\n  "n": 3,\n  "tags": [\n    "alpha"\n  ]\n}\n```',
    );
  });

  it("refuses text that is not UTF-8", async () => {
    await expect(extract(new Uint8Array([0x48, 0xff, 0xfe, 0x49]), "text")).rejects.toThrow(
      /not valid UTF-8/,
    );
  });

  it("keeps Markdown and strips its syntax for the plain text", async () => {
    const md = "# Title\r\n\r\n\r\n\r\nSome **bold** and [a link](https://x.example).  \r\n";
    const result = await extract(utf8(md), "markdown");
    expect(result.markdown).toBe("# Title\n\nSome **bold** and [a link](https://x.example).");
    expect(result.text).toBe("Title\n\nSome bold and a link (https://x.example).");
  });

  it("escapes plain-text lines that would otherwise become Markdown syntax", async () => {
    const result = await extract(utf8("# not a heading\n\n1. not a list"), "text");
    expect(result.markdown).toBe("\\# not a heading\n\n\\1. not a list");
  });
});
