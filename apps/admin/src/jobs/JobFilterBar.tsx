import { Button, Field, Input } from "@docket/ui";
import { useState } from "react";
import { JOB_KINDS, JOB_STATUSES } from "../lib/api-types.ts";
import { type JobFilters, TIME_WINDOWS, type TimeWindow } from "./job-filters.ts";

const selectClass =
  "h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-500 focus:outline-none";

/** Status, kind, user and time window; every change goes straight to the URL. */
export function JobFilterBar({
  filters,
  onChange,
}: {
  filters: JobFilters;
  onChange: (next: JobFilters) => void;
}) {
  const [user, setUser] = useState(filters.user ?? "");
  const set = (patch: Partial<JobFilters>) => onChange({ ...filters, ...patch, page: 1 });

  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,1fr)_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        set({ user: user.trim() || undefined });
      }}
    >
      <Field label="Status">
        {(p) => (
          <select
            {...p}
            className={selectClass}
            value={filters.status ?? ""}
            onChange={(e) => set({ status: JOB_STATUSES.find((s) => s === e.target.value) })}
          >
            <option value="">Any status</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Kind">
        {(p) => (
          <select
            {...p}
            className={selectClass}
            value={filters.kind ?? ""}
            onChange={(e) => set({ kind: JOB_KINDS.find((k) => k === e.target.value) })}
          >
            <option value="">Any kind</option>
            {JOB_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Created within">
        {(p) => (
          <select
            {...p}
            className={selectClass}
            value={filters.window ?? ""}
            onChange={(e) =>
              set({
                window: e.target.value in TIME_WINDOWS ? (e.target.value as TimeWindow) : undefined,
              })
            }
          >
            <option value="">Any time</option>
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
          </select>
        )}
      </Field>
      <Field label="User id" hint="Press Enter to apply">
        {(p) => (
          <Input {...p} value={user} placeholder="uuid" onChange={(e) => setUser(e.target.value)} />
        )}
      </Field>
      <div className="flex items-start pt-6">
        <Button
          variant="ghost"
          onClick={() => {
            setUser("");
            onChange({ page: 1 });
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
