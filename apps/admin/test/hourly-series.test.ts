import { describe, expect, it } from "vitest";
import { hourlySeries } from "../src/overview/hourly-series.ts";

describe("hourlySeries", () => {
  it("has one point per hour of the window, zero where nothing happened", () => {
    const points = hourlySeries(
      [
        { hour: "2026-01-01T10:00:00.000Z", counts: { succeeded: 3, failed: 1, queued: 7 } },
        { hour: "2026-01-01T12:00:00.000Z", counts: { failed: 2 } },
      ],
      "2026-01-01T09:30:00.000Z",
      "2026-01-01T13:30:00.000Z",
    );
    expect(points).toEqual([
      { hour: "2026-01-01T09:00:00.000Z", succeeded: 0, failed: 0 },
      { hour: "2026-01-01T10:00:00.000Z", succeeded: 3, failed: 1 },
      { hour: "2026-01-01T11:00:00.000Z", succeeded: 0, failed: 0 },
      { hour: "2026-01-01T12:00:00.000Z", succeeded: 0, failed: 2 },
      { hour: "2026-01-01T13:00:00.000Z", succeeded: 0, failed: 0 },
    ]);
  });

  it("gives 24 points for a 24-hour window that ends on the hour", () => {
    const points = hourlySeries([], "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z");
    expect(points).toHaveLength(24);
    expect(points.at(-1)?.hour).toBe("2026-01-01T23:00:00.000Z");
  });
});
