import { describe, expect, it } from "vitest";
import { UserClientCache } from "../../src/lib/user-client-cache.ts";

function cacheWithClock(maxEntries = 2) {
  let now = 1_000_000;
  const created: string[] = [];
  const cache = new UserClientCache({
    create: (token) => {
      created.push(token);
      return { token, serial: created.length };
    },
    maxEntries,
    now: () => now,
  });
  return { cache, created, advance: (ms: number) => (now += ms) };
}

const inAnHour = 1_000_000 / 1000 + 3600;

describe("UserClientCache", () => {
  it("reuses the client of a token it has seen", () => {
    const { cache, created } = cacheWithClock();
    const first = cache.get("t1", inAnHour);
    expect(cache.get("t1", inAnHour)).toBe(first);
    expect(created).toEqual(["t1"]);
  });

  it("never hands one user's client to another token", () => {
    const { cache } = cacheWithClock();
    expect(cache.get("t1", inAnHour).token).toBe("t1");
    expect(cache.get("t2", inAnHour).token).toBe("t2");
  });

  it("builds a new client once the token has expired", () => {
    const { cache, created, advance } = cacheWithClock();
    const first = cache.get("t1", inAnHour);
    advance(3600 * 1000);
    expect(cache.get("t1", inAnHour)).not.toBe(first);
    expect(created).toEqual(["t1", "t1"]);
  });

  it("drops the least recently used entry when full", () => {
    const { cache, created } = cacheWithClock(2);
    cache.get("a", inAnHour);
    cache.get("b", inAnHour);
    cache.get("a", inAnHour); // a is now the most recent
    cache.get("c", inAnHour); // evicts b
    expect(cache.size).toBe(2);
    cache.get("a", inAnHour);
    cache.get("b", inAnHour);
    expect(created).toEqual(["a", "b", "c", "b"]);
  });

  it("keeps nothing when its size is 0", () => {
    const { cache, created } = cacheWithClock(0);
    cache.get("a", inAnHour);
    cache.get("a", inAnHour);
    expect(created).toEqual(["a", "a"]);
    expect(cache.size).toBe(0);
  });
});
