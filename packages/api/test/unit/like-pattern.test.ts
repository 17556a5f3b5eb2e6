import { describe, expect, it } from "vitest";
import { containsPattern, quotedTreeValue } from "../../src/lib/like-pattern.ts";

describe("containsPattern", () => {
  it("wraps the term for a contains match", () => {
    expect(containsPattern("report")).toBe("%report%");
  });

  it("makes the user's LIKE wildcards literal", () => {
    expect(containsPattern("100%_done")).toBe("%100\\%\\_done%");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });

  it("turns PostgREST's * alias into a single-character match", () => {
    expect(containsPattern("a*b")).toBe("%a_b%");
  });
});

describe("quotedTreeValue", () => {
  it("quotes so commas and parentheses cannot break an or=() tree", () => {
    expect(quotedTreeValue("%a,b)%")).toBe('"%a,b)%"');
  });

  it("escapes quotes and backslashes inside the value", () => {
    expect(quotedTreeValue('say "hi" \\')).toBe('"say \\"hi\\" \\\\"');
  });
});
