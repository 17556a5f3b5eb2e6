// Reads through the real supabase-js: order, limit/range, counts, single and maybeSingle.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

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
