import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type HourPoint, hourLabel } from "./hourly-series.ts";

/** Succeeded and failed jobs per hour; the table under it carries the same numbers as text. */
export function JobsChart({ points }: { points: HourPoint[] }) {
  return (
    <figure>
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="hour" tickFormatter={hourLabel} fontSize={12} minTickGap={16} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip labelFormatter={(label) => hourLabel(String(label))} />
            <Legend />
            <Bar dataKey="succeeded" name="Succeeded" stackId="jobs" fill="#10b981" />
            <Bar dataKey="failed" name="Failed" stackId="jobs" fill="#ef4444" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {points
          .filter((p) => p.succeeded || p.failed)
          .map((p) => `${hourLabel(p.hour)}: ${p.succeeded} succeeded, ${p.failed} failed`)
          .join("; ") || "No finished jobs in this window."}
      </figcaption>
    </figure>
  );
}
