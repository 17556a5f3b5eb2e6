import { describe, expect, it } from "vitest";
import { fileStem } from "../src/lib/download.ts";

describe("fileStem", () => {
  it("turns a title into a safe file name stem", () => {
    expect(fileStem("Quarterly Report.pdf")).toBe("quarterly-report");
    expect(fileStem("  Ünïcode / slashes \\ and spaces ")).toBe("unicode-slashes-and-spaces");
  });

  it("never returns an empty name", () => {
    expect(fileStem("///")).toBe("document");
    expect(fileStem("")).toBe("document");
  });
});
