// Updates and deletes through the real supabase-js: filters, return modes, counts, singular
// writes that roll back, safeupdate, max-affected and time zones.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

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
    await kit().admin.from("numbers").insert({ n: 5001 });
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
