// Turns the API's sparse hourly counts (only hours that had jobs) into one point per hour of
// the window, so the chart's time axis is even and quiet hours show as zero, not as a gap.

export interface HourlyCounts {
  hour: string;
  counts: Record<string, number>;
}

export interface HourPoint {
  /** Start of the hour, ISO. */
  hour: string;
  succeeded: number;
  failed: number;
}

const HOUR_MS = 60 * 60 * 1000;

function startOfHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export function hourlySeries(hourly: HourlyCounts[], since: string, until: string): HourPoint[] {
  const byHour = new Map(hourly.map((h) => [startOfHour(Date.parse(h.hour)), h.counts]));
  const points: HourPoint[] = [];
  const last = startOfHour(Date.parse(until) - 1);
  for (let t = startOfHour(Date.parse(since)); t <= last; t += HOUR_MS) {
    const counts = byHour.get(t) ?? {};
    points.push({
      hour: new Date(t).toISOString(),
      succeeded: counts.succeeded ?? 0,
      failed: counts.failed ?? 0,
    });
  }
  return points;
}

/** "14:00" in the viewer's time zone, for the axis. */
export function hourLabel(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, "0")}:00`;
}
