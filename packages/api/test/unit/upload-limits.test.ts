import { describe, expect, it } from "vitest";
import { base64DecodedSize, extensionOf, mimeTypeFor } from "../../src/lib/upload-limits.ts";

describe("base64DecodedSize", () => {
  it.each(["", "a", "ab", "abc", "abcd", "hello world!", "x".repeat(1001)])(
    "matches the decoded length of %j",
    (text) => {
      const encoded = Buffer.from(text).toString("base64");
      expect(base64DecodedSize(encoded)).toBe(Buffer.byteLength(text));
    },
  );
});

describe("mimeTypeFor", () => {
  it("maps the formats the worker reads, case-insensitively", () => {
    expect(mimeTypeFor("Report.PDF")).toBe("application/pdf");
    expect(mimeTypeFor("notes.md")).toBe("text/markdown");
    expect(mimeTypeFor("table.csv")).toBe("text/csv");
  });

  it("refuses anything else, including names without an extension", () => {
    expect(mimeTypeFor("setup.exe")).toBeNull();
    expect(mimeTypeFor("README")).toBeNull();
    expect(extensionOf(".env")).toBe("");
  });
});
