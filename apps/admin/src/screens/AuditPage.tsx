import {
  Alert,
  Button,
  Card,
  EmptyState,
  Field,
  Input,
  Pagination,
  Spinner,
  Table,
} from "@docket/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import {
  AUDIT_PAGE_SIZE,
  AUDITED_ACTIONS,
  type AuditFilters,
  auditFiltersFromQuery,
  auditInputOf,
  auditQueryOf,
} from "../audit/audit-filters.ts";
import { useActorEmails } from "../audit/use-actor-emails.ts";
import { PageTitle } from "../layout/AdminShell.tsx";
import { describeApiError } from "../lib/api-error.ts";
import type { AuditRow } from "../lib/api-types.ts";
import { formatDateTime, shortId } from "../lib/format.ts";
import { Link, setQuery, useLocation } from "../lib/router.tsx";
import { trpc } from "../lib/trpc.ts";

const selectClass =
  "h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-500 focus:outline-none";

function targetLink(row: AuditRow) {
  if (!row.target_id) return row.target_type ?? "—";
  if (row.target_type === "user") {
    return (
      <Link to={`/users/${row.target_id}`} className="font-mono underline">
        user {shortId(row.target_id)}
      </Link>
    );
  }
  if (row.target_type === "job") {
    return (
      <Link to={`/jobs/${row.target_id}`} className="font-mono underline">
        job {shortId(row.target_id)}
      </Link>
    );
  }
  return `${row.target_type ?? ""} ${row.target_id}`;
}

export function AuditPage() {
  const { search } = useLocation();
  const filters = auditFiltersFromQuery(search);
  const now = useMemo(() => Date.now(), [search]);
  const [target, setTarget] = useState(filters.target ?? "");
  const set = (patch: Partial<AuditFilters>) =>
    setQuery(auditQueryOf({ ...filters, ...patch, page: patch.page ?? 1 }));

  const audit = useQuery({
    ...trpc.admin.audit.list.queryOptions(auditInputOf(filters, now)),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const emails = useActorEmails(
    (audit.data?.items ?? []).flatMap((row) => (row.actor_id ? [row.actor_id] : [])),
  );

  return (
    <>
      <PageTitle>Audit log</PageTitle>
      <Card>
        <form
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,1fr)_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            set({ target: target.trim() || undefined });
          }}
        >
          <Field label="Action">
            {(p) => (
              <select
                {...p}
                className={selectClass}
                value={filters.action ?? ""}
                onChange={(e) => set({ action: e.target.value || undefined })}
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
                  set({ window: auditFiltersFromQuery(`window=${e.target.value}`).window })
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
              <Button variant="secondary" onClick={() => set({ actor: undefined })}>
                Any admin
              </Button>
            )}
            <Button
              variant="ghost"
              onClick={() => {
                setTarget("");
                setQuery({});
              }}
            >
              Clear
            </Button>
          </div>
        </form>
        {audit.isError && <Alert>{describeApiError(audit.error)}</Alert>}
        {audit.isPending && <Spinner label="Loading the audit log" />}
        {audit.data &&
          (audit.data.items.length === 0 ? (
            <EmptyState title="No audit entries match" />
          ) : (
            <>
              <Table<AuditRow>
                caption="Audit log"
                rows={audit.data.items}
                rowKey={(r) => String(r.id)}
                columns={[
                  { key: "when", header: "When", cell: (r) => formatDateTime(r.created_at) },
                  {
                    key: "who",
                    header: "Who",
                    cell: (r) =>
                      r.actor_id ? (
                        <Link
                          to={`/audit?actor=${r.actor_id}`}
                          className="underline"
                          title="Only this admin's actions"
                        >
                          {emails.get(r.actor_id) ?? shortId(r.actor_id)}
                        </Link>
                      ) : (
                        "system"
                      ),
                  },
                  { key: "what", header: "What", cell: (r) => <code>{r.action}</code> },
                  { key: "target", header: "Target", cell: targetLink },
                  {
                    key: "details",
                    header: "Details",
                    className: "hidden lg:table-cell",
                    cell: (r) => (
                      <details>
                        <summary className="cursor-pointer text-slate-500">
                          request {r.request_id ? shortId(r.request_id) : "—"}
                        </summary>
                        <pre className="mt-1 max-w-md overflow-x-auto text-xs">
                          {JSON.stringify(r.details, null, 2)}
                        </pre>
                      </details>
                    ),
                  },
                ]}
              />
              <Pagination
                label="Audit pages"
                page={filters.page}
                pageCount={Math.max(1, Math.ceil(audit.data.total / AUDIT_PAGE_SIZE))}
                onPageChange={(page) => set({ page })}
              />
            </>
          ))}
      </Card>
    </>
  );
}
