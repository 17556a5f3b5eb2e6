// Shapes admin_job_stats rows (hour, kind, status, count) for charts: the hourly series plus
// totals by status and by kind.
export interface JobStatsRow {
  bucket: string;
  kind: string;
  status: string;
  count: number;
}

export function summarizeJobStats(rows: JobStatsRow[]) {
  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const hours = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const count = Number(row.count);
    byStatus[row.status] = (byStatus[row.status] ?? 0) + count;
    byKind[row.kind] = (byKind[row.kind] ?? 0) + count;
    const hour = new Date(row.bucket).toISOString();
    const perStatus = hours.get(hour) ?? {};
    perStatus[row.status] = (perStatus[row.status] ?? 0) + count;
    hours.set(hour, perStatus);
  }
  return {
    rows: rows.map((row) => ({
      ...row,
      bucket: new Date(row.bucket).toISOString(),
      count: Number(row.count),
    })),
    hourly: [...hours.entries()].map(([hour, counts]) => ({ hour, counts })),
    byStatus,
    byKind,
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
  };
}
