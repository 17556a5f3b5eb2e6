// Limited updates and deletes (PostgREST v12, spec §11.5) through the real supabase-js:
// `.order().limit()` on update()/delete() changes only the first rows in that order, RLS still
// decides which rows a user may change, and bad order/limit values are refused.
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

let alice: { client: SupabaseClient; token: string };
let bob: { client: SupabaseClient; token: string };
let aliceIds: number[] = [];

async function bodies(client: SupabaseClient): Promise<string[]> {
  const res = await client.from("notes").select("body").in("id", aliceIds).order("id");
  return (res.data ?? []).map((r) => r.body as string);
}

beforeAll(async () => {
  alice = await kit().user("limited-alice@example.com");
  bob = await kit().user("limited-bob@example.com");
  // Alice's notes come first (lowest ids); the first two are public, so Bob can see them.
  const rows = [1, 2, 3, 4, 5, 6].map((i) => ({ body: `a${i}`, is_public: i <= 2 }));
  const inserted = await alice.client.from("notes").insert(rows).select("id").order("id");
  aliceIds = (inserted.data ?? []).map((r) => r.id as number);
  await bob.client.from("notes").insert([{ body: "b1" }, { body: "b2" }]);
});

describe("limited update", () => {
  it("changes only the first n matching rows in the order and returns them", async () => {
    const res = await alice.client
      .from("notes")
      .update({ body: "changed" })
      .eq("is_public", false)
      .order("id")
      .limit(2)
      .select("id,body");
    expect(res.status).toBe(200);
    expect(res.data).toHaveLength(2);
    expect(res.data).toEqual(
      expect.arrayContaining([
        { id: aliceIds[2], body: "changed" },
        { id: aliceIds[3], body: "changed" },
      ]),
    );
    expect(await bodies(alice.client)).toEqual(["a1", "a2", "changed", "changed", "a5", "a6"]);
  });

  it("honours offset (range) and descending order", async () => {
    const res = await alice.client
      .from("notes")
      .update({ body: "ranged" }, { count: "exact" })
      .in("id", aliceIds)
      .order("id", { ascending: false })
      .range(1, 1);
    expect(res).toMatchObject({ status: 204, count: 1 });
    expect(await bodies(alice.client)).toEqual(["a1", "a2", "changed", "changed", "ranged", "a6"]);
    await alice.client.from("notes").update({ body: "a5" }).eq("id", aliceIds[4]);
  });

  it("a limit is enough for safeupdate: no other filter needed", async () => {
    const res = await alice.client
      .from("notes")
      .update({ body: "first" })
      .order("id")
      .limit(1)
      .select("id");
    expect(res.data).toEqual([{ id: aliceIds[0] }]);
    await alice.client.from("notes").update({ body: "a1" }).eq("id", aliceIds[0]);
  });

  it("RLS still applies: another user's rows picked by the order stay untouched", async () => {
    // Alice's two public notes are the lowest ids Bob can see, but not rows he may update.
    const res = await bob.client
      .from("notes")
      .update({ body: "hijacked" })
      .gte("id", 0)
      .order("id")
      .limit(2)
      .select("body");
    expect(res).toMatchObject({ status: 200, data: [] });
    expect(await bodies(alice.client)).toEqual(["a1", "a2", "changed", "changed", "a5", "a6"]);
    const own = await bob.client.from("notes").select("body").eq("body", "hijacked");
    expect(own.data).toEqual([]);
  });

  it("without order is 400 PGRST109 and changes nothing", async () => {
    const res = await alice.client
      .from("notes")
      .update({ body: "unordered" })
      .in("id", aliceIds)
      .limit(1);
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({
      code: "PGRST109",
      message: "A 'limit' was applied without an explicit 'order'",
      hint: "Apply an 'order' using unique column(s)",
    });
    expect(await bodies(alice.client)).not.toContain("unordered");
  });

  it("an order on non-unique columns that matches more rows is 400 PGRST110, rolled back", async () => {
    const res = await alice.client
      .from("notes")
      .update({ body: "too many" })
      .in("id", aliceIds)
      .order("is_public")
      .limit(1);
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({
      code: "PGRST110",
      details: "Results contain 4 rows changed but the maximum number allowed is 1",
    });
    expect(await bodies(alice.client)).not.toContain("too many");
  });

  it("works on an auto-updatable view (rows matched on the order columns)", async () => {
    const before = await kit().admin.from("film_list").select("id,title").order("id");
    const res = await kit()
      .admin.from("film_list")
      .update({ title: "Renamed" })
      .gt("id", 0)
      .order("id", { ascending: false })
      .limit(1)
      .select("id,title");
    const last = before.data?.at(-1) as { id: number };
    expect(res.data).toEqual([{ id: last.id, title: "Renamed" }]);
    const after = await kit().admin.from("film_list").select("title").eq("title", "Renamed");
    expect(after.data).toHaveLength(1);
  });
});

describe("limited delete", () => {
  it("deletes only the first n rows in the order and returns them", async () => {
    const res = await alice.client
      .from("notes")
      .delete()
      .eq("is_public", false)
      .order("id", { ascending: false })
      .limit(2)
      .select("body");
    expect(res.status).toBe(200);
    // v12 does not sort the representation of a write.
    expect(res.data).toHaveLength(2);
    expect(res.data).toEqual(expect.arrayContaining([{ body: "a6" }, { body: "a5" }]));
    expect(await bodies(alice.client)).toEqual(["a1", "a2", "changed", "changed"]);
  });

  it("RLS still applies to a limited delete", async () => {
    const res = await bob.client.from("notes").delete().order("id").limit(2).select("id");
    expect(res).toMatchObject({ status: 200, data: [] });
    expect(await bodies(alice.client)).toEqual(["a1", "a2", "changed", "changed"]);
  });
});

describe("hostile order and limit on writes", () => {
  it("are refused with 4xx and change nothing", async () => {
    const headers = {
      Authorization: `Bearer ${alice.token}`,
      "Content-Type": "application/json",
    };
    const cases: [string, number][] = [
      ["order=id;drop table notes&limit=1", 400],
      ['order=id"desc&limit=1', 400],
      ["order=nosuch&limit=1", 400],
      ["order=id&limit=-1", 416],
      ["order=id&limit=abc", 400],
      ["order=id&limit=1;select 1", 400],
      ["order=id&offset=1e3", 400],
      ["order=id&limit=99999999999999999999", 400],
      ["order=id.sideways&limit=1", 400],
    ];
    for (const [q, status] of cases) {
      for (const method of ["PATCH", "DELETE"]) {
        const res = await kit().raw(`/notes?${q}`, { method, headers, body: '{"body":"bad"}' });
        expect([q, method, res.status]).toEqual([q, method, status]);
      }
    }
    expect(await bodies(alice.client)).toEqual(["a1", "a2", "changed", "changed"]);
  });
});
