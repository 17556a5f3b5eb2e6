import type { TimeWindow } from "./query-filters.ts";
import { SelectFilter } from "./SelectFilter.tsx";

const WINDOW_LABELS: Record<TimeWindow, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

export function WindowFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: TimeWindow | undefined;
  onChange: (value: TimeWindow | undefined) => void;
}) {
  return (
    <SelectFilter
      label={label}
      anyLabel="Any time"
      options={WINDOW_LABELS}
      value={value}
      onChange={onChange}
    />
  );
}
