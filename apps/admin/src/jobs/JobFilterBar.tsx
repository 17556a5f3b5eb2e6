import { FilterForm } from "../filters/FilterForm.tsx";
import { SelectFilter } from "../filters/SelectFilter.tsx";
import { WindowFilter } from "../filters/WindowFilter.tsx";
import { JOB_KINDS, JOB_STATUSES } from "../lib/api-types.ts";
import type { JobFilters } from "./job-filters.ts";

/** Status, kind, user and time window; every change goes straight to the URL. */
export function JobFilterBar({
  filters,
  onChange,
}: {
  filters: JobFilters;
  onChange: (next: JobFilters) => void;
}) {
  const set = (patch: Partial<JobFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <FilterForm
      columns="lg:grid-cols-[repeat(4,1fr)_auto]"
      text={{
        label: "User id",
        hint: "Press Enter to apply",
        placeholder: "uuid",
        value: filters.user,
      }}
      onText={(user) => set({ user })}
      onClear={() => onChange({ page: 1 })}
    >
      <SelectFilter
        label="Status"
        anyLabel="Any status"
        options={JOB_STATUSES}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <SelectFilter
        label="Kind"
        anyLabel="Any kind"
        options={JOB_KINDS}
        value={filters.kind}
        onChange={(kind) => set({ kind })}
      />
      <WindowFilter
        label="Created within"
        value={filters.window}
        onChange={(window) => set({ window })}
      />
    </FilterForm>
  );
}
