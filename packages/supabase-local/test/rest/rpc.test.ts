// RPC through the real supabase-js: POST and GET, named arguments, defaults, variadic, scalar /
// set-returning / composite / void results, filters on results, errors raised in functions.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("rpc", () => {
  it("calls a scalar function with named arguments (POST and GET)", async () => {
    expect((await kit().anon.rpc("add", { a: 2, b: 3 })).data).toBe(5);
    expect((await kit().anon.rpc("add", { a: 2, b: 40 }, { get: true })).data).toBe(42);
  });

  it("uses parameter defaults and returns text as a JSON string", async () => {
    expect((await kit().anon.rpc("hello")).data).toBe("Hello, world");
    expect((await kit().anon.rpc("hello", { name: "Ada" })).data).toBe("Hello, Ada");
  });

  it("set-returning table functions accept select, filters, order and limit", async () => {
    const { data, error } = await kit()
      .anon.rpc("films_by_year", { y: 1980 })
      .select("title,directors(last_name)");
    expect(error).toBeNull();
    expect(data).toEqual([{ title: "The Shining", directors: { last_name: "Kubrick" } }]);
    const none = await kit().anon.rpc("films_by_year", { y: 1980 }).neq("title", "The Shining");
    expect(none.data).toEqual([]);
  });

  it("a single composite result is an object; SETOF scalar is an array", async () => {
    const first = await kit().anon.rpc("first_film").select("id,title");
    expect(first.data).toEqual({ id: 1, title: "The Shining" });
    const years = await kit().anon.rpc("years");
    expect(years.data).toEqual([1962, 1968, 1979, 1980, 1982]);
  });

  it("OUT parameters give an object, variadic takes an array, jsonb round-trips", async () => {
    expect((await kit().anon.rpc("split_name", { full_name: "Ada Lovelace" })).data).toEqual({
      first: "Ada",
      last: "Lovelace",
    });
    expect((await kit().anon.rpc("total", { nums: [1, 2, 3] })).data).toBe(6);
    const payload = { a: [1, { b: null }], s: "x" };
    expect((await kit().anon.rpc("echo_json", { payload })).data).toEqual(payload);
    // Numbers pass through PostgreSQL untouched by JavaScript, so no digits are lost.
    const raw = await kit().raw("/rpc/echo_json", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"payload":{"big":12345678901234567890.50}}',
    });
    expect(raw.text).toBe('{"big": 12345678901234567890.50}');
  });

  it("void functions answer 204 with no data", async () => {
    const res = await kit().anon.rpc("ping");
    expect(res).toMatchObject({ status: 204, data: null, error: null });
  });

  it("runs as the caller's role with the request GUCs set", async () => {
    const anon = await kit().anon.rpc("whoami");
    expect(anon.data).toMatchObject({
      role: "anon",
      sub: null,
      method: "POST",
      path: "/rpc/whoami",
    });
    const user = await kit().user("rpc-user@example.com");
    const res = await user.client.rpc("whoami", {}, { get: true });
    expect(res.data).toMatchObject({ role: "authenticated", sub: user.id, method: "GET" });
  });

  it("unknown functions and argument sets are 404 PGRST202", async () => {
    const res = await kit().anon.rpc("add", { a: 1 });
    expect(res.status).toBe(404);
    expect(res.error).toMatchObject({
      code: "PGRST202",
      message: "Could not find the function public.add(a) in the schema cache",
    });
    const missing = await kit().anon.rpc("nope");
    expect(missing.error?.message).toBe(
      "Could not find the function public.nope without parameters in the schema cache",
    );
  });

  it("a GET that writes is refused by the read-only transaction (405 25006)", async () => {
    const res = await kit().anon.rpc("add_note", { body: "x" }, { get: true });
    expect(res.status).toBe(405);
    expect(res.error?.code).toBe("25006");
  });

  it("errors raised in functions: P0001 → 400, PT402 → 402, PGRST → full control", async () => {
    const plain = await kit().anon.rpc("fail_with", { kind: "plain" });
    expect(plain.status).toBe(400);
    expect(plain.error).toEqual({
      code: "P0001",
      message: "plain failure",
      details: "some detail",
      hint: "some hint",
    });
    const pay = await kit().anon.rpc("fail_with", { kind: "payment" });
    expect(pay.status).toBe(402);
    expect(pay.error?.code).toBe("PT402");
    const custom = await kit().raw("/rpc/fail_with", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"kind":"custom"}',
    });
    expect(custom.status).toBe(418);
    expect(custom.headers.get("x-custom")).toBe("yes");
    expect(custom.json).toEqual({ code: "123", message: "Custom", details: "d", hint: "h" });
  });

  it("functions may set response.status and response.headers", async () => {
    const res = await kit().raw("/rpc/set_status", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("x-extra")).toBe("1");
    expect(res.json).toBe("accepted");
  });

  it("other methods on RPC are 405 PGRST101", async () => {
    const res = await kit().raw("/rpc/add", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.json).toMatchObject({
      code: "PGRST101",
      message: "Cannot use the DELETE method on RPC",
    });
  });
});
