// Resource embedding through the real supabase-js: to-one, to-many, many-to-many, one-to-one,
// hints, !inner, spreads (to-one and to-many), the count trick, filters/order/limit on embeds,
// null filters, views.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("embedding", () => {
  it("many-to-one is an object, null when the FK is null", async () => {
    const { data, error } = await kit()
      .anon.from("films")
      .select("id,directors(last_name)")
      .in("id", [1, 6])
      .order("id");
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: 1, directors: { last_name: "Kubrick" } },
      { id: 6, directors: null },
    ]);
  });

  it("one-to-many is an array ([] when none), with order and limit on the embed", async () => {
    const { data } = await kit()
      .anon.from("directors")
      .select("last_name,films(title)")
      .in("id", [1, 4])
      .order("id")
      .order("year", { referencedTable: "films", ascending: false })
      .limit(1, { referencedTable: "films" });
    expect(data).toEqual([
      { last_name: "Kubrick", films: [{ title: "The Shining" }] },
      { last_name: "Nobody", films: [] },
    ]);
  });

  it("many-to-many goes through the junction table", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("title,actors(last_name)")
      .eq("id", 1)
      .order("last_name", { referencedTable: "actors" })
      .single();
    expect(data).toEqual({
      title: "The Shining",
      actors: [{ last_name: "Duvall" }, { last_name: "Nicholson" }],
    });
  });

  it("one-to-one (FK is the primary key) is an object in both directions", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("id,film_details(budget)")
      .in("id", [2, 3])
      .order("id");
    expect(data).toEqual([
      { id: 2, film_details: { budget: 11000000.5 } },
      { id: 3, film_details: null },
    ]);
    const back = await kit()
      .anon.from("film_details")
      .select("films(title)")
      .eq("film_id", 1)
      .single();
    expect(back.data).toEqual({ films: { title: "The Shining" } });
  });

  it("aliases, nested embeds and spread of the far table", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("title,cast:roles(character,...actors(first_name))")
      .eq("id", 3)
      .order("character", { referencedTable: "cast" })
      .single();
    expect(data).toEqual({
      title: "Blade Runner",
      cast: [
        { character: "Rick Deckard", first_name: "Harrison" },
        { character: "Roy Batty", first_name: "Rutger" },
      ],
    });
    const deep = await kit()
      .anon.from("directors")
      .select("last_name,films(title,roles(actors(last_name)))")
      .eq("id", 2)
      .order("id", { referencedTable: "films" })
      .single();
    expect(deep.data?.films[0]).toEqual({
      title: "Alien",
      roles: [{ actors: { last_name: "Weaver" } }],
    });
  });

  it("!inner drops parents without matching children, and filters on the embed apply", async () => {
    const { data } = await kit()
      .anon.from("directors")
      .select("last_name,films!inner(title)")
      .lt("films.year", 1970)
      .order("last_name");
    expect(data).toEqual([
      { last_name: "Kubrick", films: [{ title: "2001: A Space Odyssey" }] },
      { last_name: "Varda", films: [{ title: "Cléo from 5 to 7" }] },
    ]);
    const counted = await kit()
      .anon.from("directors")
      .select("id,films!inner()", { count: "exact", head: true })
      .gt("films.year", 1979);
    expect(counted.count).toBe(2);
  });

  it("without !inner an embed filter only empties the embed", async () => {
    const { data } = await kit()
      .anon.from("directors")
      .select("last_name,films(title)")
      .eq("films.year", 1979)
      .in("id", [1, 2])
      .order("id");
    expect(data).toEqual([
      { last_name: "Kubrick", films: [] },
      { last_name: "Scott", films: [{ title: "Alien" }] },
    ]);
  });

  it("null filters on embeds find parents with or without related rows", async () => {
    const without = await kit().anon.from("directors").select("id,films()").is("films", null);
    expect(without.data).toEqual([{ id: 4 }]);
    const orTree = await kit()
      .anon.from("directors")
      .select("id,films(id)")
      .or("films.is.null,id.eq.3")
      .order("id");
    expect(orTree.data?.map((d) => d.id)).toEqual([3, 4]);
  });

  it("or= inside an embed (referencedTable)", async () => {
    const { data } = await kit()
      .anon.from("directors")
      .select("id,films(title)")
      .or("year.eq.1979,year.eq.1982", { referencedTable: "films" })
      .eq("id", 2)
      .order("id", { referencedTable: "films" })
      .single();
    expect(data?.films).toEqual([{ title: "Alien" }, { title: "Blade Runner" }]);
  });

  it("the count trick gives [{count}] per parent", async () => {
    const { data } = await kit()
      .anon.from("directors")
      .select("last_name,films(count)")
      .order("id");
    expect(data).toEqual([
      { last_name: "Kubrick", films: [{ count: 2 }] },
      { last_name: "Scott", films: [{ count: 2 }] },
      { last_name: "Varda", films: [{ count: 1 }] },
      { last_name: "Nobody", films: [{ count: 0 }] },
    ]);
  });

  it("hints choose between two FKs to the same table; ambiguity is 300 PGRST201", async () => {
    const { data, error } = await kit()
      .anon.from("messages")
      .select(
        "body,from:actors!sender_id(last_name),to:actors!messages_receiver_id_fkey(last_name)",
      )
      .eq("id", 1)
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({
      body: "hi",
      from: { last_name: "Nicholson" },
      to: { last_name: "Weaver" },
    });
    const ambiguous = await kit().anon.from("messages").select("actors(id)");
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error?.code).toBe("PGRST201");
    expect(ambiguous.error?.details).toHaveLength(2);
  });

  it("self references: the FK column name is the parent, the table name the children", async () => {
    const { data, error } = await kit()
      .anon.from("employees")
      .select("name,manager:manager_id(name),reports:employees!manager_id(name)")
      .eq("id", 1)
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ manager: null });
    const reports = (data?.reports ?? []) as { name: string }[];
    expect(reports.map((r) => r.name).sort()).toEqual(["Grace", "Linus"]);
  });

  it("a view inherits the relationships of the columns it copies", async () => {
    const { data, error } = await kit()
      .anon.from("film_list")
      .select("title,directors(last_name)")
      .eq("id", 4)
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ title: "Cléo from 5 to 7", directors: { last_name: "Varda" } });
  });

  it("ordering by a to-one embed's column", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("id,directors(last_name)")
      .not("director_id", "is", null)
      .order("directors(last_name)", { ascending: false })
      .order("id");
    expect(data?.map((f) => f.id)).toEqual([4, 2, 3, 1, 5]);
  });

  it("unknown relationships are 400 PGRST200; filters on unselected embeds are PGRST108", async () => {
    const none = await kit().anon.from("films").select("title,employees(name)");
    expect(none.status).toBe(400);
    expect(none.error?.code).toBe("PGRST200");
    const unselected = await kit()
      .anon.from("films")
      .select("title")
      .eq("actors.last_name", "Ford");
    expect(unselected.error).toMatchObject({
      code: "PGRST108",
      message: "'actors' is not an embedded resource in this request",
    });
  });

  it("spread on a to-many relationship gives an array per column (v13), [] without rows", async () => {
    const res = await kit()
      .anon.from("directors")
      .select("last_name,...films(title,released:year)")
      .in("id", [1, 4])
      .order("id")
      .order("year", { referencedTable: "films" });
    expect(res.error).toBeNull();
    expect(res.data).toEqual([
      {
        last_name: "Kubrick",
        title: ["2001: A Space Odyssey", "The Shining"],
        released: [1968, 1980],
      },
      { last_name: "Nobody", title: [], released: [] },
    ]);
  });

  it("to-many spreads: many-to-many, !inner with filters, a nested to-one spread", async () => {
    const m2m = await kit()
      .anon.from("films")
      .select("id,...actors(first_name)")
      .in("id", [1, 6])
      .order("id")
      .order("id", { referencedTable: "actors" });
    expect(m2m.data).toEqual([
      { id: 1, first_name: ["Jack", "Shelley"] },
      { id: 6, first_name: [] },
    ]);
    const inner = await kit()
      .anon.from("directors")
      .select("id,...films!inner(title)")
      .lt("films.year", 1970)
      .order("id");
    expect(inner.data).toEqual([
      { id: 1, title: ["2001: A Space Odyssey"] },
      { id: 3, title: ["Cléo from 5 to 7"] },
    ]);
    const nested = await kit()
      .anon.from("films")
      .select("id,...roles(character,...actors(last_name))")
      .eq("id", 3)
      .order("character", { referencedTable: "roles" });
    expect(nested.data).toEqual([
      { id: 3, character: ["Rick Deckard", "Roy Batty"], last_name: ["Ford", "Hauer"] },
    ]);
  });
});
