import { Button, Field, Input } from "@docket/ui";
import { useState } from "react";
import { AUDITED_ACTIONS, type AuditFilters, auditFiltersFromQuery } from "./audit-filters.ts";

const selectClass =
  "h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-500 focus:outline-none";

/** Action, time window and target; the admin filter comes from clicking a name in the log. */
export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  /** Called with the fields to change; the page goes back to 1. */
  onChange: (patch: Partial<AuditFilters>) => void;
}) {
  const [target, setTarget] = useState(filters.target ?? "");
  return (
    <form
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,1fr)_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ target: target.trim() || undefined });
      }}
    >
      <Field label="Action">
        {(p) => (
          <select
            {...p}
            className={selectClass}
            value={filters.action ?? ""}
            onChange={(e) => onChange({ action: e.target.value || undefined })}
          >
            <option value="">Any action</option>
            {AUDITED_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="When">
        {(p) => (
          <select
            {...p}
            className={selectClass}
            value={filters.window ?? ""}
            onChange={(e) =>
              onChange({ window: auditFiltersFromQuery(`window=${e.target.value}`).window })
            }
          >
            <option value="">Any time</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
            <option value="30d">Last 30 days</option>
          </select>
        )}
      </Field>
      <Field label="Target id" hint="A user or job id; press Enter">
        {(p) => <Input {...p} value={target} onChange={(e) => setTarget(e.target.value)} />}
      </Field>
      <div className="flex items-start gap-2 pt-6">
        {filters.actor && (
          <Button variant="secondary" onClick={() => onChange({ actor: undefined })}>
            Any admin
          </Button>
        )}
        <Button
          variant="ghost"
          onClick={() => {
            setTarget("");
            onChange({ action: undefined, actor: undefined, target: undefined, window: undefined });
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
