import { describe, expect, it } from "vitest";
import { retryOn401 } from "../src/lib/retry-on-401.ts";

/** A fake API that accepts only `valid` as the bearer token and records what it saw. */
function api(valid: string) {
  const seen: Array<string | null> = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get("authorization");
    seen.push(auth);
    return new Response(null, { status: auth === `Bearer ${valid}` ? 200 : 401 });
  };
  return { fetch, seen };
}

describe("retryOn401", () => {
  it("refreshes once and repeats the request with the new token", async () => {
    const server = api("fresh");
    let refreshes = 0;
    const refresh = async () => {
      refreshes++;
      return "fresh";
    };
    const fetch = retryOn401({ refresh }, server.fetch);
    const response = await fetch("/trpc/me", { headers: { authorization: "Bearer stale" } });
    expect(response.status).toBe(200);
    expect(server.seen).toEqual(["Bearer stale", "Bearer fresh"]);
    expect(refreshes).toBe(1);
  });

  it("shares one refresh between requests that fail together", async () => {
    const server = api("fresh");
    let refreshes = 0;
    const fetch = retryOn401(
      {
        refresh: async () => {
          refreshes++;
          await new Promise((r) => setTimeout(r, 10));
          return "fresh";
        },
      },
      server.fetch,
    );
    const init = { headers: { authorization: "Bearer stale" } };
    const statuses = await Promise.all([fetch("/a", init), fetch("/b", init), fetch("/c", init)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
  });

  it("returns the 401 when the session cannot be renewed, and never retries anonymous calls", async () => {
    const server = api("fresh");
    let refreshes = 0;
    const refresh = async () => {
      refreshes++;
      return null;
    };
    const fetch = retryOn401({ refresh }, server.fetch);
    expect((await fetch("/x", { headers: { authorization: "Bearer old" } })).status).toBe(401);
    expect((await fetch("/y")).status).toBe(401);
    expect(refreshes).toBe(1);
    expect(server.seen).toEqual(["Bearer old", null]);
  });
});
