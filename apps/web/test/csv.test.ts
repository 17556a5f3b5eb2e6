import { describe, expect, it } from "vitest";
import { csvRecords, parseCsv } from "../src/lib/csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, escaped quotes and line breaks", () => {
    const text = 'type,value\r\nemail,"a@b.co"\r\nphrase,"one, ""two""\nthree"\r\n';
    expect(parseCsv(text)).toEqual([
      ["type", "value"],
      ["email", "a@b.co"],
      ["phrase", 'one, "two"\nthree'],
    ]);
  });

  it("keeps empty fields and a last line without a newline", () => {
    expect(parseCsv("a,,c\n1,2,")).toEqual([
      ["a", "", "c"],
      ["1", "2", ""],
    ]);
  });
});

describe("csvRecords", () => {
  it("keys records by header, drops blank lines and a BOM", () => {
    const { headers, records } = csvRecords("\uFEFFkind,value,count\nurl,https://x.io,2\n\n");
    expect(headers).toEqual(["kind", "value", "count"]);
    expect(records).toEqual([{ kind: "url", value: "https://x.io", count: "2" }]);
  });

  it("gives nothing for an empty file", () => {
    expect(csvRecords("")).toEqual({ headers: [], records: [] });
  });
});
