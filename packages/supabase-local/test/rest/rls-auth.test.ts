// Row Level Security decides per request: two users and anon through the real supabase-js, the
// 401/403 split for 42501, and PostgREST's answers to invalid or expired tokens.
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("RLS with two users and anon", () => {
  it("each user sees their own notes and the public ones; anon only public ones", async () => {
    const alice = await kit().user("alice@example.com");
    const bob = await kit().user("bob@example.com");
    const a = await alice.client
      .from("notes")
      .insert({ body: "alice private" })
      .select("id,owner_id")
      .single();
    expect(a.error).toBeNull();
    expect(a.data?.owner_id).toBe(alice.id);
    await alice.client.from("notes").insert({ body: "alice public", is_public: true });
    await bob.client.from("notes").insert({ body: "bob private" });

    const seenByBob = await bob.client.from("notes").select("body").order("body");
    expect(seenByBob.data?.map((n) => n.body)).toEqual(["alice public", "bob private"]);
    const seenByAnon = await kit().anon.from("notes").select("body");
    expect(seenByAnon.data?.map((n) => n.body)).toEqual(["alice public"]);
    const seenByService = await kit()
      .admin.from("notes")
      .select("body", { count: "exact", head: true });
    expect(seenByService.count).toBe(3);

    // Bob cannot change or delete Alice's note: RLS hides it, so nothing happens.
    const upd = await bob.client
      .from("notes")
      .update({ body: "hacked" })
      .eq("id", a.data?.id)
      .select();
    expect(upd).toMatchObject({ status: 200, data: [] });
    const del = await bob.client.from("notes").delete().eq("id", a.data?.id).select();
    expect(del.data).toEqual([]);
    const still = await alice.client.from("notes").select("body").eq("id", a.data?.id).single();
    expect(still.data).toEqual({ body: "alice private" });
  });

  it("a WITH CHECK violation is 403 for a user, a missing privilege 401 for anon", async () => {
    const carol = await kit().user("carol@example.com");
    const other = await kit().user("dave@example.com");
    const forged = await carol.client.from("notes").insert({ body: "as dave", owner_id: other.id });
    expect(forged.status).toBe(403);
    expect(forged.error).toMatchObject({
      code: "42501",
      message: 'new row violates row-level security policy for table "notes"',
    });
    const anonInsert = await kit().anon.from("notes").insert({ body: "anon" });
    expect(anonInsert.status).toBe(401);
    expect(anonInsert.error).toMatchObject({
      code: "42501",
      message: "permission denied for table notes",
    });
  });

  it("a check constraint failure rolls back and is 400 23514", async () => {
    const erin = await kit().user("erin@example.com");
    const res = await erin.client.from("notes").insert({ body: "x".repeat(300) });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe("23514");
  });
});

describe("tokens", () => {
  const headersFor = (token: string) => ({ Authorization: `Bearer ${token}` });

  it("an expired token is 401 PGRST301 'JWT expired' with WWW-Authenticate", async () => {
    const secret = new TextEncoder().encode(kit().stack.jwtSecret);
    const expired = await new SignJWT({
      role: "authenticated",
      sub: "00000000-0000-0000-0000-000000000001",
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(secret);
    const res = await kit().raw("/films?select=id", { headers: headersFor(expired) });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      code: "PGRST301",
      message: "JWT expired",
      details: null,
      hint: null,
    });
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("a token signed with another secret, or garbage, is 401 and never anon", async () => {
    const wrong = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret-not-the-secret-not-the-secret"));
    expect((await kit().raw("/films", { headers: headersFor(wrong) })).status).toBe(401);
    const garbage = await kit().raw("/films", { headers: headersFor("abc.def") });
    expect(garbage.status).toBe(401);
    expect(garbage.json).toMatchObject({ code: "PGRST301" });
  });

  it("a token whose role does not exist fails in the database, not as another role", async () => {
    const secret = new TextEncoder().encode(kit().stack.jwtSecret);
    const token = await new SignJWT({ role: "postgres_wannabe" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setExpirationTime("1h")
      .sign(secret);
    const res = await kit().raw("/films?select=id", { headers: headersFor(token) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain('"id"');
  });
});

describe("verified tokens are remembered only while their key is in the JWKS", () => {
  it("a user token stops working as soon as its signing key is revoked", async () => {
    const frank = await kit().user("frank@example.com");
    const first = await frank.client.from("notes").select("id");
    expect(first.error).toBeNull();
    const keys = kit().stack.context.keys;
    const oldKid = keys.jwks().keys[0]?.kid as string;
    await keys.rotate();
    const afterRotate = await frank.client.from("notes").select("id");
    expect(afterRotate.error).toBeNull();
    await keys.revoke(oldKid);
    const afterRevoke = await kit().raw("/notes?select=id", {
      headers: { Authorization: `Bearer ${frank.token}` },
    });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.json).toMatchObject({ code: "PGRST301" });
  });
});
