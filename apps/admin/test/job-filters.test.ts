import { describe, expect, it } from "vitest";
import { filtersFromQuery, listInputOf, queryFromFilters } from "../src/jobs/job-filters.ts";

const USER = "4f3c2b1a-0000-4000-8000-00000000abcd";

describe("job filters in the URL", () => {
  it("reads status, kind, user, window and page", () => {
    const filters = filtersFromQuery(
      `?status=failed&kind=document__process&user=${USER.toUpperCase()}&window=24h&page=3`,
    );
    expect(filters).toEqual({
      status: "failed",
      kind: "document__process",
      user: USER,
      window: "24h",
      page: 3,
    });
  });

  it("drops values the API would refuse instead of failing the page", () => {
    expect(
      filtersFromQuery("?status=exploded&kind=rm_rf&user=not-a-uuid&window=1y&page=-2"),
    ).toEqual({ page: 1 });
    expect(filtersFromQuery("?page=abc")).toEqual({ page: 1 });
  });

  it("round-trips through the query string", () => {
    const filters = { status: "queued" as const, user: USER, page: 2 };
    const query = new URLSearchParams(
      Object.entries(queryFromFilters(filters)).filter((e): e is [string, string] => !!e[1]),
    ).toString();
    expect(filtersFromQuery(`?${query}`)).toEqual(filters);
  });

  it("builds the list input with a window anchored at `now` and an offset per page", () => {
    const now = Date.parse("2026-03-01T12:00:00.000Z");
    expect(listInputOf({ status: "failed", user: USER, window: "1h", page: 2 }, now)).toEqual({
      status: "failed",
      ownerId: USER,
      since: "2026-03-01T11:00:00.000Z",
      limit: 25,
      offset: 25,
    });
    expect(listInputOf({ page: 1 }, now)).toEqual({ limit: 25, offset: 0 });
  });
});
