// The query-string grammar as pure units: select, filters, logic trees, order, Prefer, Accept,
// Range — what each parses to, and which inputs are refused with PGRST100-family errors.
import { describe, expect, it } from "vitest";
import { RestError } from "../../src/rest/errors.ts";
import { negotiate } from "../../src/rest/parse/accept.ts";
import { parseLogicTree } from "../../src/rest/parse/logic.ts";
import { parseOrder } from "../../src/rest/parse/order.ts";
import { parsePrefer } from "../../src/rest/parse/prefer.ts";
import { parseQuery } from "../../src/rest/parse/query.ts";
import { parseRangeHeader } from "../../src/rest/parse/range.ts";
import { parseSelect } from "../../src/rest/parse/select.ts";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof RestError ? `${err.status} ${err.code}` : String(err);
  }
  return "no error";
};

describe("select", () => {
  it("parses aliases, casts, JSON paths, embeds with hints and spreads", () => {
    expect(parseSelect('id, n:title, year::text, info->awards->>0, "a.b"')).toEqual([
      { kind: "column", field: { name: "id", path: [] } },
      { kind: "column", field: { name: "title", path: [] }, alias: "n" },
      { kind: "column", field: { name: "year", path: [] }, cast: "text" },
      {
        kind: "column",
        field: {
          name: "info",
          path: [
            { arrow: "->", key: "awards" },
            { arrow: "->>", key: 0 },
          ],
        },
      },
      { kind: "column", field: { name: "a.b", path: [] } },
    ]);
    expect(parseSelect("b:addresses!billing!inner(id),...actors(first_name),films()")).toEqual([
      {
        kind: "embed",
        name: "addresses",
        alias: "b",
        hint: "billing",
        inner: true,
        spread: false,
        select: [{ kind: "column", field: { name: "id", path: [] } }],
      },
      {
        kind: "embed",
        name: "actors",
        inner: false,
        spread: true,
        select: [{ kind: "column", field: { name: "first_name", path: [] } }],
      },
      { kind: "embed", name: "films", inner: false, spread: false, select: [] },
    ]);
  });

  it("refuses broken grammar and aggregates", () => {
    expect(code(() => parseSelect("films(id"))).toBe("400 PGRST100");
    expect(code(() => parseSelect("id::text);drop"))).toBe("400 PGRST100");
    expect(code(() => parseSelect("a,,b"))).toBe("400 PGRST100");
    expect(code(() => parseSelect("count()"))).toBe("400 PGRST123");
    expect(code(() => parseSelect("budget.sum()"))).toBe("400 PGRST123");
  });
});

describe("filters and trees", () => {
  it("splits keys into embed paths, filters and modifiers", () => {
    const q = parseQuery(
      new URLSearchParams(
        'roles.actors.last_name=eq.Smith&actors.order=id.desc&not.or=(a.eq.1)&limit=5&offset=-3&name=not.in.(a,"b,c")',
      ),
      false,
    );
    expect(q.nodes.get("roles\u0000actors")?.conditions[0]).toMatchObject({
      op: "eq",
      value: "Smith",
    });
    expect(q.nodes.get("actors")?.order).toEqual([
      { field: { name: "id", path: [] }, direction: "desc" },
    ]);
    expect(q.nodes.get("")?.conditions[0]).toMatchObject({ kind: "logic", op: "or", negate: true });
    expect(q.nodes.get("")?.conditions[1]).toMatchObject({
      negate: true,
      op: "in",
      value: ["a", "b,c"],
    });
    expect(q.nodes.get("")).toMatchObject({ limit: 5, offset: 0 });
  });

  it("tells RPC arguments from filters on GET", () => {
    const q = parseQuery(new URLSearchParams("a=1&b=eq.2&c=hello.world"), true);
    expect(q.rpcArgs).toEqual([
      ["a", "1"],
      ["c", "hello.world"],
    ]);
    expect(q.nodes.get("")?.conditions).toHaveLength(1);
  });

  it("parses nested trees with quoted values, arrays and ranges", () => {
    const t = parseLogicTree(
      "or",
      false,
      '(a.eq."x,y)",and(b.cs.{1,2},c.ov.[1,5)),not.and(d.is.null))',
      "or",
    );
    expect(t.children).toMatchObject([
      { kind: "filter", op: "eq", value: "x,y)" },
      {
        kind: "logic",
        op: "and",
        children: [
          { op: "cs", value: "{1,2}" },
          { op: "ov", value: "[1,5)" },
        ],
      },
      { kind: "logic", op: "and", negate: true, children: [{ op: "is", value: "null" }] },
    ]);
  });

  it("refuses unknown operators, bad is-values, bad lists and limits", () => {
    const bad = [
      "id=equals.1",
      "id=is.maybe",
      "id=in.(1,2",
      "id=1",
      "or=(a.eq.1",
      "or=()",
      "limit=x",
      "id=eq(some).1",
    ];
    for (const q of bad)
      expect(
        code(() => parseQuery(new URLSearchParams(q), false)),
        q,
      ).toBe("400 PGRST100");
    expect(code(() => parseQuery(new URLSearchParams("limit=-1"), false))).toBe("416 PGRST103");
  });
});

describe("order, Prefer, Accept, Range", () => {
  it("order terms with nulls and related order", () => {
    expect(parseOrder("a.desc.nullslast,info->>k,directors(last_name).asc", "order")).toEqual([
      { field: { name: "a", path: [] }, direction: "desc", nulls: "last" },
      { field: { name: "info", path: [{ arrow: "->>", key: "k" }] } },
      { relation: "directors", field: { name: "last_name", path: [] }, direction: "asc" },
    ]);
    expect(code(() => parseOrder("id.ascending", "order"))).toBe("400 PGRST100");
  });

  it("Prefer: first of each kind wins; strict handling refuses unknown ones", () => {
    expect(
      parsePrefer(
        "return=representation, count=exact, return=minimal, resolution=merge-duplicates",
      ),
    ).toEqual({
      return: "representation",
      count: "exact",
      resolution: "merge-duplicates",
    });
    expect(parsePrefer("count=none")).toEqual({});
    expect(code(() => parsePrefer("handling=strict, count=none"))).toBe("400 PGRST122");
  });

  it("Accept picks by q-value; unknown types are 406 PGRST107", () => {
    expect(negotiate("text/csv;q=0.5, application/vnd.pgrst.object+json")).toBe("object");
    expect(negotiate("application/vnd.pgrst.array+json;nulls=stripped")).toBe("json-stripped");
    expect(negotiate("*/*")).toBe("json");
    expect(code(() => negotiate("application/xml"))).toBe("406 PGRST107");
  });

  it("Range header: open, closed, malformed ignored, reversed refused", () => {
    expect(parseRangeHeader("5-")).toEqual({ offset: 5 });
    expect(parseRangeHeader("0-9")).toEqual({ offset: 0, limit: 10 });
    expect(parseRangeHeader("items=0-9")).toBeUndefined();
    expect(code(() => parseRangeHeader("3-1"))).toBe("416 PGRST103");
  });
});
