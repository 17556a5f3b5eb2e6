import { describe, expect, it } from "vitest";
import { inAppPath, safeNextPath } from "../src/lib/links.ts";

describe("safeNextPath", () => {
  it("keeps paths of this site", () => {
    expect(safeNextPath("/documents/42?tab=outputs")).toBe("/documents/42?tab=outputs");
  });

  it("refuses other origins and odd values", () => {
    for (const raw of [
      null,
      "",
      "documents",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
    ]) {
      expect(safeNextPath(raw)).toBe("/documents");
    }
  });
});

describe("inAppPath", () => {
  const origin = "http://localhost:5173";

  it("maps links to our pages, whatever host the worker was configured with", () => {
    expect(inAppPath("http://localhost:5173/documents/7", origin)).toBe("/documents/7");
    expect(inAppPath("http://127.0.0.1:5173/documents/7", origin)).toBe("/documents/7");
    expect(inAppPath("/notifications", origin)).toBe("/notifications");
  });

  it("leaves links to other sites and other schemes alone", () => {
    expect(inAppPath("https://example.org/pricing", origin)).toBeNull();
    expect(inAppPath("javascript:alert(1)", origin)).toBeNull();
    expect(inAppPath("http://[bad", origin)).toBeNull();
  });
});
