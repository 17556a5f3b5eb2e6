import { describe, expect, it } from "vitest";
import { summarizeJobStats } from "../../src/lib/job-stats.ts";

describe("summarizeJobStats", () => {
  it("totals by status and kind and groups the hourly series", () => {
    const summary = summarizeJobStats([
      {
        bucket: "2026-01-01T10:00:00+00:00",
        kind: "document__process",
        status: "succeeded",
        count: 3,
      },
      {
        bucket: "2026-01-01T10:00:00+00:00",
        kind: "notification__send",
        status: "succeeded",
        count: 2,
      },
      {
        bucket: "2026-01-01T11:00:00+00:00",
        kind: "document__process",
        status: "failed",
        count: 1,
      },
    ]);
    expect(summary.byStatus).toEqual({ succeeded: 5, failed: 1 });
    expect(summary.byKind).toEqual({ document__process: 4, notification__send: 2 });
    expect(summary.total).toBe(6);
    expect(summary.hourly).toEqual([
      { hour: "2026-01-01T10:00:00.000Z", counts: { succeeded: 5 } },
      { hour: "2026-01-01T11:00:00.000Z", counts: { failed: 1 } },
    ]);
  });

  it("is empty for no rows", () => {
    expect(summarizeJobStats([])).toMatchObject({ total: 0, hourly: [], byStatus: {} });
  });
});
