import { Button } from "@docket/ui";
import { FilterForm } from "../filters/FilterForm.tsx";
import { SelectFilter } from "../filters/SelectFilter.tsx";
import { WindowFilter } from "../filters/WindowFilter.tsx";
import { AUDITED_ACTIONS, type AuditFilters } from "./audit-filters.ts";

/** Action, time window and target; the admin filter comes from clicking a name in the log. */
export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  /** Called with the fields to change; the page goes back to 1. */
  onChange: (patch: Partial<AuditFilters>) => void;
}) {
  return (
    <FilterForm
      columns="lg:grid-cols-[repeat(3,1fr)_auto]"
      text={{ label: "Target id", hint: "A user or job id; press Enter", value: filters.target }}
      onText={(target) => onChange({ target })}
      onClear={() =>
        onChange({ action: undefined, actor: undefined, target: undefined, window: undefined })
      }
      actions={
        filters.actor && (
          <Button variant="secondary" onClick={() => onChange({ actor: undefined })}>
            Any admin
          </Button>
        )
      }
    >
      <SelectFilter
        label="Action"
        anyLabel="Any action"
        options={AUDITED_ACTIONS}
        value={filters.action}
        onChange={(action) => onChange({ action })}
      />
      <WindowFilter
        label="When"
        value={filters.window}
        onChange={(window) => onChange({ window })}
      />
    </FilterForm>
  );
}
