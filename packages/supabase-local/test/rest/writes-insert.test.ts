// Inserts and upserts through the real supabase-js: single, bulk, defaults, return modes,
// counts, constraint errors, bad bodies, headers-only.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("insert", () => {
  it("inserts one row; without select there is no body (201, data null)", async () => {
    const res = await kit()
      .admin.from("actors")
      .insert({ first_name: "Meryl", last_name: "Streep" });
    expect(res).toMatchObject({ status: 201, data: null, error: null });
    const check = await kit()
      .admin.from("actors")
      .select("birth_year")
      .eq("last_name", "Streep")
      .single();
    expect(check.data).toEqual({ birth_year: null });
  });

  it("returns the inserted rows with select(), shaped and with embeds", async () => {
    const res = await kit()
      .admin.from("films")
      .insert({ title: "Eyes Wide Shut", year: 1999, director_id: 1 })
      .select("title,year,directors(last_name)")
      .single();
    expect(res.status).toBe(201);
    expect(res.data).toEqual({
      title: "Eyes Wide Shut",
      year: 1999,
      directors: { last_name: "Kubrick" },
    });
  });

  it("bulk insert sends columns=; missing keys become NULL, or DEFAULT with defaultToNull: false", async () => {
    const rows = [
      { title: "Bulk A", rating: 5.5 },
      { title: "Bulk B", year: 2001 },
    ];
    const res = await kit().admin.from("films").insert(rows).select("title,year,rating");
    expect(res.error).toBeNull();
    expect(res.data).toEqual([
      { title: "Bulk A", year: null, rating: 5.5 },
      { title: "Bulk B", year: 2001, rating: null },
    ]);
    // A NOT NULL column with a DEFAULT fails when sent as NULL (PostgREST does the same).
    const failing = await kit()
      .admin.from("films")
      .insert([{ title: "T", tags: ["a"] }, { title: "U" }]);
    expect(failing.error?.code).toBe("23502");
  });

  it("with defaultToNull: false absent columns take their DEFAULT", async () => {
    const res = await kit()
      .admin.from("films")
      .insert([{ title: "Def A", tags: ["y"] }, { title: "Def B" }], { defaultToNull: false })
      .select("title,tags,id");
    expect(res.error).toBeNull();
    expect(res.data?.map((r) => r.tags)).toEqual([["y"], []]);
    expect(res.data?.every((r) => typeof r.id === "number")).toBe(true);
  });

  it("count=exact on insert sets the count", async () => {
    const res = await kit()
      .admin.from("numbers")
      .insert([{ n: 5001 }, { n: 5002 }], { count: "exact" });
    expect(res.status).toBe(201);
    expect(res.count).toBe(2);
  });

  it("a unique violation is 409 with PostgreSQL's message and details", async () => {
    const res = await kit().admin.from("directors").insert({ last_name: "Kubrick" });
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({
      code: "23505",
      message: 'duplicate key value violates unique constraint "directors_last_name_key"',
      details: "Key (last_name)=(Kubrick) already exists.",
      hint: null,
    });
  });

  it("foreign key, not null and type errors are 409 / 400", async () => {
    const fk = await kit().admin.from("films").insert({ title: "Orphan", director_id: 999 });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe("23503");
    const nn = await kit().admin.from("films").insert({ year: 1 });
    expect(nn.status).toBe(400);
    expect(nn.error?.code).toBe("23502");
    const bad = await kit().admin.from("films").insert({ title: "x", year: "many" });
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("22P02");
  });

  it("unknown payload keys are PGRST204 before any SQL runs", async () => {
    const res = await kit().admin.from("films").insert({ title: "x", nope: 1 });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({
      code: "PGRST204",
      message: "Could not find the 'nope' column of 'films' in the schema cache",
    });
  });

  it("bad JSON and mismatched keys are PGRST102", async () => {
    const headers = {
      "Content-Type": "application/json",
      Authorization: `Bearer ${kit().stack.serviceRoleKey}`,
    };
    const invalid = await kit().raw("/films", { method: "POST", headers, body: "{not json" });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toEqual({
      code: "PGRST102",
      message: "Empty or invalid json",
      details: null,
      hint: null,
    });
    const mixed = await kit().raw("/films", {
      method: "POST",
      headers,
      body: '[{"title":"a"},{"year":1}]',
    });
    expect(mixed.json).toMatchObject({ code: "PGRST102", message: "All object keys must match" });
  });

  it("return=headers-only gives a Location", async () => {
    const headers = {
      "Content-Type": "application/json",
      Authorization: `Bearer ${kit().stack.serviceRoleKey}`,
      Prefer: "return=headers-only",
    };
    const res = await kit().raw("/numbers", { method: "POST", headers, body: '{"n":7001}' });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/numbers?n=eq.7001");
    expect(res.text).toBe("");
  });
});

describe("upsert", () => {
  it("merges duplicates on the primary key: 201 with an insert, 200 when all updated", async () => {
    const first = await kit().admin.from("employees").upsert({ id: 10, name: "Barbara" }).select();
    expect(first.status).toBe(201);
    const again = await kit()
      .admin.from("employees")
      .upsert({ id: 10, name: "Barbara L." })
      .select("name");
    expect(again.status).toBe(200);
    expect(again.data).toEqual([{ name: "Barbara L." }]);
  });

  it("on_conflict picks another unique key; ignoreDuplicates keeps the old row", async () => {
    const merged = await kit()
      .admin.from("directors")
      .upsert({ last_name: "Varda", first_name: "A." }, { onConflict: "last_name" })
      .select("id,first_name");
    expect(merged.data).toEqual([{ id: 3, first_name: "A." }]);
    const ignored = await kit()
      .admin.from("directors")
      .upsert(
        { last_name: "Varda", first_name: "ignored" },
        { onConflict: "last_name", ignoreDuplicates: true },
      )
      .select("first_name");
    expect(ignored.status).toBe(201);
    expect(ignored.data).toEqual([]);
  });
});
