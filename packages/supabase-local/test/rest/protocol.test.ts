// The HTTP surface around the queries: CSV, HEAD, schemas through profiles, OPTIONS, unknown
// relations, stripped nulls, Content-Range on writes, schema reload on NOTIFY.
import { request } from "node:http";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("media types", () => {
  it("csv() returns PostgreSQL's text output with a header and no trailing newline", async () => {
    const { data, error } = await kit()
      .anon.from("films")
      .select("id,title,tags,year")
      .in("id", [3, 6])
      .order("id")
      .csv();
    expect(error).toBeNull();
    expect(data).toBe('id,title,tags,year\n3,"Blade Runner","{scifi,noir}",1982\n6,Untitled,{},');
    const empty = await kit().anon.from("films").select("id,title").eq("id", 999).csv();
    expect(empty.data).toBe("id,title\n");
  });

  it("stripNulls() drops null-valued keys", async () => {
    const { data } = await kit()
      .anon.from("films")
      .select("id,year,rating")
      .eq("id", 6)
      .stripNulls();
    expect(data).toEqual([{ id: 6 }]);
  });

  it("HEAD has the headers of GET and an empty body", async () => {
    const res = await kit().raw("/films?select=id", {
      method: "HEAD",
      headers: { Prefer: "count=exact" },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(res.headers.get("content-range")).toBe("0-5/6");
  });
});

describe("schemas", () => {
  it("Accept-Profile / Content-Profile pick another exposed schema and are echoed", async () => {
    const lib = kit().anon.schema("library");
    const { data, error } = await lib.from("books").select("title");
    expect(error).toBeNull();
    expect(data).toEqual([{ title: "Dune" }]);
    const raw = await kit().raw("/books", { headers: { "Accept-Profile": "library" } });
    expect(raw.headers.get("content-profile")).toBe("library");
    const svc = kit().admin.schema("library");
    const ins = await svc.from("books").insert({ id: 2, title: "Emma" }).select("id");
    expect(ins.data).toEqual([{ id: 2 }]);
    const inPublic = await kit().anon.from("books").select("id");
    expect(inPublic.status).toBe(404);
    expect(inPublic.error).toMatchObject({
      code: "PGRST205",
      message: "Could not find the table 'public.books' in the schema cache",
    });
  });

  it("the default schema is echoed because several schemas are exposed", async () => {
    const raw = await kit().raw("/directors?select=id&limit=1");
    expect(raw.headers.get("content-profile")).toBe("public");
  });
});

describe("OPTIONS and methods", () => {
  it("OPTIONS lists what a relation allows", async () => {
    const table = await kit().raw("/films", { method: "OPTIONS" });
    expect(table.status).toBe(200);
    expect(table.headers.get("allow")).toBe("OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE");
  });

  it("an unsupported method is 405 PGRST117", async () => {
    const url = new URL(`${kit().stack.apiUrl}/rest/v1/films`);
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = request(
          url,
          { method: "PROPFIND", headers: { apikey: kit().stack.publishableKey } },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => {
              body += c.toString();
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on("error", reject);
        req.end();
      },
    );
    expect(status).toBe(405);
    expect(JSON.parse(body)).toMatchObject({
      code: "PGRST117",
      message: "Unsupported HTTP method: PROPFIND",
    });
  });

  it("PUT upserts one row addressed by its primary key", async () => {
    const headers = {
      "Content-Type": "application/json",
      Authorization: `Bearer ${kit().stack.serviceRoleKey}`,
      Prefer: "return=representation",
    };
    const created = await kit().raw("/employees?id=eq.50", {
      method: "PUT",
      headers,
      body: '{"id":50,"name":"Put"}',
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual([{ id: 50, name: "Put", manager_id: null }]);
    const replaced = await kit().raw("/employees?id=eq.50", {
      method: "PUT",
      headers,
      body: '{"id":50,"name":"Put 2"}',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toEqual([{ id: 50, name: "Put 2", manager_id: null }]);
    const mismatch = await kit().raw("/employees?id=eq.50", {
      method: "PUT",
      headers,
      body: '{"id":51,"name":"x"}',
    });
    expect(mismatch.json).toMatchObject({ code: "PGRST115" });
    const notPk = await kit().raw("/employees?name=eq.x", {
      method: "PUT",
      headers,
      body: '{"id":50}',
    });
    expect(notPk.status).toBe(405);
    expect(notPk.json).toMatchObject({ code: "PGRST105" });
  });
});

describe("request context", () => {
  it("request.headers holds the lower-cased headers; request.path has no /rest/v1", async () => {
    const res = await kit().raw("/rpc/whoami", { headers: { "X-Test": "hello" } });
    expect(res.json).toMatchObject({ x_test: "hello", path: "/rpc/whoami", method: "GET" });
    expect((res.json as { search_path: string }).search_path).toBe('"public", "extensions"');
  });
});

describe("schema cache", () => {
  it("reloads on NOTIFY pgrst, 'reload schema'", async () => {
    const db = new pg.Client({ connectionString: kit().stack.dbUrl });
    await db.connect();
    try {
      await db.query(
        "create table public.late_table (id int primary key); grant select on public.late_table to anon",
      );
      const before = await kit().anon.from("late_table").select("id");
      expect(before.status).toBe(404);
      await db.query("notify pgrst, 'reload schema'");
      let after = before;
      for (let i = 0; i < 50 && after.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await kit().anon.from("late_table").select("id");
      }
      expect(after).toMatchObject({ status: 200, data: [] });
    } finally {
      await db.end();
    }
  });
});

describe("ranges, isdistinct, CSV bodies, OPTIONS on functions", () => {
  const ids = async (q: PromiseLike<{ data: { id: number }[] | null; error: unknown }>) => {
    const { data, error } = await q;
    expect(error).toBeNull();
    return (data ?? []).map((r) => r.id).sort();
  };

  it("range operators", async () => {
    const f = () => kit().anon.from("reservations").select("id");
    expect(await ids(f().rangeLt("during", "[10,20)"))).toEqual([1, 2]);
    expect(await ids(f().rangeGt("during", "[10,20)"))).toEqual([3]);
    expect(await ids(f().rangeAdjacent("during", "[10,20)"))).toEqual([2, 3]);
    expect(await ids(f().rangeGte("during", "[5,6)"))).toEqual([2, 3]);
    expect(await ids(f().rangeLte("during", "[5,6)"))).toEqual([1]);
    expect(await ids(f().overlaps("during", "[4,6)"))).toEqual([1, 2]);
    expect(await ids(f().contains("during", "[6,8)"))).toEqual([2]);
  });

  it("isDistinct treats NULL as a value", async () => {
    const f = () => kit().anon.from("reservations").select("id");
    expect(await ids(f().isDistinct("note", "early"))).toEqual([2, 3]);
    expect(await ids(f().neq("note", "early"))).toEqual([3]);
  });

  it("a CSV body inserts rows; NULL is null; ragged lines are PGRST102", async () => {
    const headers = {
      Authorization: `Bearer ${kit().stack.serviceRoleKey}`,
      "Content-Type": "text/csv",
      Prefer: "return=representation",
    };
    const ok = await kit().raw("/reservations", {
      method: "POST",
      headers,
      body: 'id,during,note\n10,"[40,41)","a, quoted ""note"""\n11,"[41,42)",NULL',
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toEqual([
      { id: 10, during: "[40,41)", note: 'a, quoted "note"' },
      { id: 11, during: "[41,42)", note: null },
    ]);
    const ragged = await kit().raw("/reservations", {
      method: "POST",
      headers,
      body: "id,note\n12",
    });
    expect(ragged.json).toMatchObject({
      code: "PGRST102",
      message: "All lines must have same number of fields",
    });
  });

  it("OPTIONS on functions tells volatile from stable", async () => {
    expect((await kit().raw("/rpc/add", { method: "OPTIONS" })).headers.get("allow")).toBe(
      "OPTIONS,GET,HEAD,POST",
    );
    expect((await kit().raw("/rpc/ping", { method: "OPTIONS" })).headers.get("allow")).toBe(
      "OPTIONS,POST",
    );
  });
});
