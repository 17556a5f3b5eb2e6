// Reads through the real supabase-js: columns, aliases, casts, JSON paths, filters, order,
// limit/range, counts, single/maybeSingle.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("select", () => {
  it("returns the chosen columns with aliases and casts", async () => {
    const { data, error } = await kit()
      .anon.from("films")
      .select("id,name:title,year::text")
      .eq("id", 1);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, name: "The Shining", year: "1980" }]);
  });

  it("expands * in table order and keeps numeric scale and dates as PostgreSQL writes them", async () => {
    const { data, error } = await kit().anon.from("films").select("*").eq("id", 2).single();
    expect(error).toBeNull();
    expect(Object.keys(data ?? {})).toEqual([
      "id",
      "title",
      "year",
      "director_id",
      "rating",
      "tags",
      "info",
      "summary",
      "released",
      "search",
    ]);
    expect(data?.rating).toBe(8.5);
    expect(data?.released).toBe("1979-05-25");
    expect(data?.tags).toEqual(["horror", "scifi"]);
  });

  it("reads JSON paths with -> and ->> and names them by their last key", async () => {
    const { data, error } = await kit()
      .anon.from("films")
      .select("id,info->>imdb_id,oscars:info->awards->oscars,info->langs->0")
      .eq("id", 1);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, imdb_id: "tt0081505", oscars: 0, langs: "en" }]);
  });
});

describe("filters", () => {
  const titles = async (q: PromiseLike<{ data: { title: string }[] | null; error: unknown }>) => {
    const { data, error } = await q;
    expect(error).toBeNull();
    return (data ?? []).map((r) => r.title).sort();
  };

  it("eq, neq, gt, gte, lt, lte", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().eq("year", 1979))).toEqual(["Alien"]);
    expect(await titles(f().gt("year", 1980).lte("year", 1982))).toEqual(["Blade Runner"]);
    expect(await titles(f().lt("year", 1965))).toEqual(["Cléo from 5 to 7"]);
    expect((await titles(f().neq("year", 1979))).length).toBe(4);
    expect(await titles(f().gte("rating", 8.4))).toEqual(["Alien", "The Shining"]);
  });

  it("in, not in, is null, not is null", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().in("id", [1, 3]))).toEqual(["Blade Runner", "The Shining"]);
    expect(await titles(f().in("title", ["Alien", "Cléo from 5 to 7", "a,b(c)"]))).toEqual([
      "Alien",
      "Cléo from 5 to 7",
    ]);
    expect((await titles(f().not("id", "in", "(1,2,3)"))).length).toBe(3);
    expect(await titles(f().is("year", null))).toEqual(["Untitled"]);
    expect((await titles(f().not("year", "is", null))).length).toBe(5);
  });

  it("like, ilike with * and %, regex, any/all modifiers", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().like("title", "%Run%"))).toEqual(["Blade Runner"]);
    expect(await titles(f().ilike("title", "*shin*"))).toEqual(["The Shining"]);
    expect(await titles(f().ilikeAnyOf("title", ["alien", "blade*"]))).toEqual([
      "Alien",
      "Blade Runner",
    ]);
    expect(await titles(f().likeAllOf("title", ["%a%", "%e%"]))).toEqual([
      "2001: A Space Odyssey",
      "Blade Runner",
    ]);
    expect(await titles(f().regexMatch("title", "^[AB]"))).toEqual(["Alien", "Blade Runner"]);
    expect(await titles(f().regexIMatch("title", "^the"))).toEqual(["The Shining"]);
  });

  it("or and nested and trees, with not", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().or("year.eq.1979,and(year.gt.1980,rating.lt.9)"))).toEqual([
      "Alien",
      "Blade Runner",
    ]);
    expect(await titles(f().or('title.eq.Alien,title.eq."Cléo from 5 to 7"'))).toEqual([
      "Alien",
      "Cléo from 5 to 7",
    ]);
    const { data } = await kit()
      .anon.from("films")
      .select("title")
      .not("title", "eq", "Alien")
      .or("id.in.(1,2,3),year.is.null");
    expect((data ?? []).map((r) => r.title).sort()).toEqual([
      "Blade Runner",
      "The Shining",
      "Untitled",
    ]);
  });

  it("arrays, jsonb containment, ranges of dates through gte/lt", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().contains("tags", ["scifi", "classic"]))).toEqual([
      "2001: A Space Odyssey",
    ]);
    expect(await titles(f().overlaps("tags", ["noir", "drama"]))).toEqual([
      "Blade Runner",
      "Cléo from 5 to 7",
    ]);
    expect(await titles(f().containedBy("tags", ["horror", "scifi", "noir"]))).toEqual([
      "Alien",
      "Blade Runner",
      "Untitled",
    ]);
    expect(await titles(f().contains("info", { awards: { oscars: 1 } }))).toEqual(["Alien"]);
    expect(await titles(f().eq("info->>imdb_id", "tt0062622"))).toEqual(["2001: A Space Odyssey"]);
    expect(await titles(f().gt("info->awards->oscars", 0))).toEqual(["Alien"]);
    expect(await titles(f().gte("released", "1980-01-01").lt("released", "1990-01-01"))).toEqual([
      "Blade Runner",
      "The Shining",
    ]);
  });

  it("full-text search on a tsvector column, all four kinds", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().textSearch("search", "alien & crew"))).toEqual(["Alien"]);
    expect(
      await titles(f().textSearch("search", "deadly alien", { type: "plain", config: "english" })),
    ).toEqual(["Alien"]);
    expect(await titles(f().textSearch("search", "blade runner", { type: "phrase" }))).toEqual([
      "Blade Runner",
    ]);
    expect(
      await titles(f().textSearch("search", "hotel or jupiter", { type: "websearch" })),
    ).toEqual(["2001: A Space Odyssey", "The Shining"]);
    expect(await titles(f().textSearch("summary", "replicants"))).toEqual(["Blade Runner"]);
  });

  it("match() and filter()", async () => {
    const f = () => kit().anon.from("films").select("title");
    expect(await titles(f().match({ year: 1982, director_id: 2 }))).toEqual(["Blade Runner"]);
    expect(await titles(f().filter("year", "in", "(1962,1968)"))).toEqual([
      "2001: A Space Odyssey",
      "Cléo from 5 to 7",
    ]);
  });
});

describe("order, limit, range, count", () => {
  it("orders with direction and nulls placement", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("id")
      .order("year", { ascending: false, nullsFirst: true });
    expect(data?.map((r) => r.id)).toEqual([6, 3, 1, 2, 5, 4]);
    const last = await kit()
      .anon.from("films")
      .select("id")
      .order("year", { ascending: true, nullsFirst: false });
    expect(last.data?.map((r) => r.id)).toEqual([4, 5, 2, 1, 3, 6]);
  });

  it("orders by several columns and by a JSON path", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("id")
      .not("info", "is", null)
      .order("info->>imdb_id", { ascending: true });
    expect(data?.map((r) => r.id)).toEqual([5, 2, 1, 3]);
    const multi = await kit()
      .anon.from("films")
      .select("id")
      .order("director_id")
      .order("year", { ascending: false })
      .limit(3);
    expect(multi.data?.map((r) => r.id)).toEqual([1, 5, 3]);
  });

  it("limit and range page through rows", async () => {
    const page = await kit().anon.from("numbers").select("n").order("n").range(10, 14);
    expect(page.data?.map((r) => r.n)).toEqual([11, 12, 13, 14, 15]);
    const limited = await kit()
      .anon.from("numbers")
      .select("n")
      .order("n", { ascending: false })
      .limit(2);
    expect(limited.data).toEqual([{ n: 1200 }, { n: 1199 }]);
  });

  it("caps every read at max_rows (1000)", async () => {
    const { data } = await kit().anon.from("numbers").select("n");
    expect(data?.length).toBe(1000);
  });

  it("count=exact gives the total, 206 for a partial page and Content-Range", async () => {
    const res = await kit()
      .anon.from("numbers")
      .select("n", { count: "exact" })
      .order("n")
      .range(0, 9);
    expect(res.count).toBe(1200);
    expect(res.status).toBe(206);
    expect(res.data?.length).toBe(10);
    const raw = await kit().raw("/numbers?select=n&order=n&offset=5&limit=3", {
      headers: { Prefer: "count=exact" },
    });
    expect(raw.headers.get("content-range")).toBe("5-7/1200");
    expect(raw.headers.get("preference-applied")).toBe("count=exact");
  });

  it("count with head: true returns no rows, only the count", async () => {
    const res = await kit()
      .anon.from("films")
      .select("*", { count: "exact", head: true })
      .not("year", "is", null);
    expect(res.data).toBeNull();
    expect(res.count).toBe(5);
    expect(res.error).toBeNull();
  });

  it("planned and estimated counts are numbers", async () => {
    const planned = await kit().anon.from("numbers").select("n", { count: "planned" }).limit(1);
    expect(planned.error).toBeNull();
    expect(planned.count).toBeGreaterThan(100);
    const estimated = await kit().anon.from("films").select("id", { count: "estimated" });
    expect(estimated.count).toBe(6);
  });

  it("an offset past the total is 416 PGRST103", async () => {
    const raw = await kit().raw("/films?offset=50", { headers: { Prefer: "count=exact" } });
    expect(raw.status).toBe(416);
    expect(raw.headers.get("content-range")).toBe("*/6");
    expect(raw.json).toEqual({
      code: "PGRST103",
      message: "Requested range not satisfiable",
      details: "An offset of 50 was requested, but there are only 6 rows.",
      hint: null,
    });
  });

  it("Range header intersects with limit/offset", async () => {
    const raw = await kit().raw("/numbers?select=n&order=n", { headers: { Range: "2-4" } });
    expect(raw.json).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }]);
    expect(raw.headers.get("content-range")).toBe("2-4/*");
  });
});

describe("single and maybeSingle", () => {
  it("single() returns an object, and 406 PGRST116 for 0 or many rows", async () => {
    const one = await kit().anon.from("films").select("title").eq("id", 3).single();
    expect(one.data).toEqual({ title: "Blade Runner" });
    const none = await kit().anon.from("films").select("title").eq("id", 999).single();
    expect(none.status).toBe(406);
    expect(none.error?.code).toBe("PGRST116");
    expect(none.error?.details).toBe("The result contains 0 rows");
    const many = await kit().anon.from("films").select("title").single();
    expect(many.error?.details).toBe("The result contains 6 rows");
  });

  it("maybeSingle() gives null for no row and the object for one", async () => {
    const none = await kit().anon.from("films").select("title").eq("id", 999).maybeSingle();
    expect(none).toMatchObject({ data: null, error: null, status: 200 });
    const one = await kit().anon.from("films").select("title").eq("id", 2).maybeSingle();
    expect(one.data).toEqual({ title: "Alien" });
  });
});
