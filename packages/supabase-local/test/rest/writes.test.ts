// Writes through the real supabase-js: insert (single, bulk, defaults), upsert, update, delete,
// return modes, counts, singular writes, safeupdate and constraint errors.
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

describe("update", () => {
  it("updates matching rows and returns them", async () => {
    const res = await kit()
      .admin.from("employees")
      .update({ name: "Grace H." })
      .eq("id", 2)
      .select("id,name");
    expect(res.status).toBe(200);
    expect(res.data).toEqual([{ id: 2, name: "Grace H." }]);
  });

  it("204 without select; count and Content-Range", async () => {
    const res = await kit()
      .admin.from("numbers")
      .update({ n: 9001 }, { count: "exact" })
      .eq("n", 5001);
    expect(res.status).toBe(204);
    expect(res.count).toBe(1);
  });

  it("no match is 200 [] with select, and 406 with single()", async () => {
    const none = await kit().admin.from("employees").update({ name: "x" }).eq("id", 999).select();
    expect(none).toMatchObject({ status: 200, data: [] });
    const single = await kit()
      .admin.from("employees")
      .update({ name: "x" })
      .eq("id", 999)
      .select()
      .single();
    expect(single.status).toBe(406);
    expect(single.error?.code).toBe("PGRST116");
  });

  it("single() on a write touching several rows rolls back", async () => {
    const res = await kit()
      .admin.from("employees")
      .update({ name: "same" })
      .in("id", [1, 3])
      .select()
      .single();
    expect(res.status).toBe(406);
    const check = await kit().admin.from("employees").select("name").in("id", [1, 3]).order("id");
    expect(check.data).toEqual([{ name: "Ada" }, { name: "Linus" }]);
  });

  it("without a filter is refused like safeupdate (400 21000)", async () => {
    const res = await kit().admin.from("employees").update({ name: "everyone" });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code: "21000", message: "UPDATE requires a WHERE clause" });
    const check = await kit().admin.from("employees").select("name").eq("id", 1).single();
    expect(check.data).toEqual({ name: "Ada" });
  });
});

describe("delete", () => {
  it("deletes and returns the rows with select()", async () => {
    await kit()
      .admin.from("numbers")
      .insert([{ n: 8001 }, { n: 8002 }]);
    const res = await kit()
      .admin.from("numbers")
      .delete({ count: "exact" })
      .in("n", [8001, 8002])
      .select();
    expect(res.status).toBe(200);
    expect(res.count).toBe(2);
    expect(res.data).toEqual([{ n: 8001 }, { n: 8002 }]);
  });

  it("204 without select", async () => {
    await kit().admin.from("numbers").insert({ n: 8003 });
    const res = await kit().admin.from("numbers").delete().eq("n", 8003);
    expect(res).toMatchObject({ status: 204, data: null, error: null });
  });

  it("a restricting foreign key is 409 23503", async () => {
    const res = await kit().admin.from("directors").delete().eq("id", 1);
    expect(res.status).toBe(409);
    expect(res.error?.code).toBe("23503");
  });

  it("without a filter is refused (400 21000)", async () => {
    const res = await kit().admin.from("numbers").delete();
    expect(res.error).toMatchObject({ code: "21000", message: "DELETE requires a WHERE clause" });
  });
});

describe("preferences on writes", () => {
  it("max-affected with handling=strict refuses (and rolls back) a larger change", async () => {
    // postgrest-js types maxAffected() for PostgREST 13 clients only; these are its headers.
    const headers = {
      Authorization: `Bearer ${kit().stack.serviceRoleKey}`,
      "Content-Type": "application/json",
      Prefer: "handling=strict, max-affected=2",
    };
    const body = '{"name":"many"}';
    const res = await kit().raw("/employees?id=in.(1,2,3)", { method: "PATCH", headers, body });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "PGRST124", details: "The query affects 3 rows" });
    const check = await kit().admin.from("employees").select("name").eq("id", 1).single();
    expect(check.data).toEqual({ name: "Ada" });
    const ok = await kit().raw("/employees?id=eq.1", {
      method: "PATCH",
      headers,
      body: '{"name":"Ada"}',
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("preference-applied")).toBe("handling=strict, max-affected=2");
  });

  it("timezone= sets the session time zone for the request; an unknown one is ignored", async () => {
    const headers = { Prefer: "timezone=Asia/Tokyo" };
    const tokyo = await kit().raw("/rpc/whoami", { headers });
    expect(tokyo.json).toMatchObject({ timezone: "Asia/Tokyo" });
    const plain = (await kit().raw("/rpc/whoami")).json as { timezone: string };
    const bad = await kit().raw("/rpc/whoami", { headers: { Prefer: "timezone=Mars/Olympus" } });
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({ timezone: plain.timezone });
    expect(plain.timezone).not.toBe("Asia/Tokyo");
  });
});
