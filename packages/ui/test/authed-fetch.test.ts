import { describe, expect, it } from "vitest";
import { createAuthedFetch, type TokenSource } from "../src/api/authed-fetch.ts";

// A tiny stand-in for the API: accepts only the tokens in `valid`, records what it saw.
function fakeApi(valid: Set<string>) {
  const seen: Array<string | null> = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get("authorization");
    const token = auth ? auth.replace("Bearer ", "") : null;
    seen.push(token);
    await new Promise((r) => setTimeout(r, 5));
    if (token !== null && !valid.has(token)) return new Response("expired", { status: 401 });
    return new Response(JSON.stringify({ ok: true, token }), { status: 200 });
  };
  return { fetch, seen };
}

function tokenSource(initial: string | null, refreshTo: string | null) {
  const state = { token: initial, refreshes: 0, failures: 0 };
  const source: TokenSource = {
    current: async () => state.token,
    refresh: async () => {
      state.refreshes++;
      await new Promise((r) => setTimeout(r, 20));
      state.token = refreshTo;
      return refreshTo;
    },
    onRefreshFailed: () => {
      state.failures++;
    },
  };
  return { source, state };
}

const call = (f: ReturnType<typeof createAuthedFetch>, token: string | null) =>
  f("http://api.test/trpc/x", token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe("createAuthedFetch", () => {
  it("passes a request with a valid token straight through without refreshing", async () => {
    const api = fakeApi(new Set(["good"]));
    const { source, state } = tokenSource("good", "new");
    const res = await call(createAuthedFetch(source, api.fetch), "good");
    expect(res.status).toBe(200);
    expect(state.refreshes).toBe(0);
    expect(api.seen).toEqual(["good"]);
  });

  it("refreshes once on a 401 and retries with the new token", async () => {
    const api = fakeApi(new Set(["new"]));
    const { source, state } = tokenSource("old", "new");
    const res = await call(createAuthedFetch(source, api.fetch), "old");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, token: "new" });
    expect(state.refreshes).toBe(1);
    expect(api.seen).toEqual(["old", "new"]);
  });

  it("shares one refresh between concurrent calls that all get a 401", async () => {
    const api = fakeApi(new Set(["new"]));
    const { source, state } = tokenSource("old", "new");
    const f = createAuthedFetch(source, api.fetch);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => call(f, "old")));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(state.refreshes).toBe(1);
  });

  it("retries with the already-refreshed token instead of refreshing again", async () => {
    const api = fakeApi(new Set(["new"]));
    const { source, state } = tokenSource("old", "new");
    const f = createAuthedFetch(source, api.fetch);
    expect((await call(f, "old")).status).toBe(200);
    // A request that left with the old token before the refresh finished comes back 401 later.
    expect((await call(f, "old")).status).toBe(200);
    expect(state.refreshes).toBe(1);
  });

  it("retries only once: a refreshed token that is refused too returns that 401", async () => {
    const api = fakeApi(new Set());
    const { source, state } = tokenSource("old", "new");
    const res = await call(createAuthedFetch(source, api.fetch), "old");
    expect(res.status).toBe(401);
    expect(api.seen).toEqual(["old", "new"]);
    expect(state.refreshes).toBe(1);
  });

  it("reports a failed refresh once, even to concurrent callers, and returns the 401", async () => {
    const api = fakeApi(new Set());
    const { source, state } = tokenSource("old", null);
    const f = createAuthedFetch(source, api.fetch);
    const results = await Promise.all([call(f, "old"), call(f, "old"), call(f, "old")]);
    expect(results.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(state.refreshes).toBe(1);
    expect(state.failures).toBe(1);
    expect(api.seen).toEqual(["old", "old", "old"]);
  });

  it("does not refresh for an anonymous call that the API refuses", async () => {
    const { source, state } = tokenSource(null, "new");
    const refusing = async () => new Response("sign in", { status: 401 });
    const res = await call(createAuthedFetch(source, refusing), null);
    expect(res.status).toBe(401);
    expect(state.refreshes).toBe(0);
    expect(state.failures).toBe(0);
  });
});
