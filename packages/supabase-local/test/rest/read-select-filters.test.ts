// Reads through the real supabase-js: columns, aliases, casts, JSON paths and every filter.
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
