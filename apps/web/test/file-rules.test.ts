import { describe, expect, it } from "vitest";
import { checkFile, checkPastedText, MAX_UPLOAD_BYTES } from "../src/lib/file-rules.ts";

describe("checkFile", () => {
  it("accepts the types the worker reads and picks a MIME type from the extension", () => {
    expect(checkFile({ name: "Report.PDF", size: 10, type: "" })).toEqual({
      ok: true,
      mimeType: "application/pdf",
    });
    expect(checkFile({ name: "notes.md", size: 10, type: "" })).toEqual({
      ok: true,
      mimeType: "text/markdown",
    });
  });

  it("refuses other types, naming the file and listing what works", () => {
    const result = checkFile({ name: "photo.png", size: 10, type: "image/png" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain("photo.png");
      expect(result.reason).toContain(".pdf");
    }
    expect(checkFile({ name: "no-extension", size: 10, type: "" }).ok).toBe(false);
  });

  it("refuses empty files and files over the limit", () => {
    expect(checkFile({ name: "a.txt", size: 0, type: "text/plain" }).ok).toBe(false);
    expect(checkFile({ name: "a.txt", size: MAX_UPLOAD_BYTES, type: "text/plain" }).ok).toBe(true);
    const big = checkFile({ name: "a.txt", size: MAX_UPLOAD_BYTES + 1, type: "text/plain" });
    expect(big).toEqual({ ok: false, reason: "a.txt is 5.0 MB; the limit is 5.0 MB." });
  });
});

describe("checkPastedText", () => {
  it("requires a title and some text", () => {
    expect(checkPastedText("  ", "hello")).toMatch(/title/);
    expect(checkPastedText("T", "   ")).toMatch(/Paste/);
    expect(checkPastedText("T", "hello")).toBeNull();
  });

  it("limits the title and the text length", () => {
    expect(checkPastedText("x".repeat(201), "hello")).toMatch(/200/);
    expect(checkPastedText("T", "x".repeat(1_000_001))).toMatch(/limit/);
  });
});
