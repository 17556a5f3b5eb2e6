import { Alert, Card, EmptyState, PageTitle, Pagination, Spinner, Table } from "@docket/ui";
import { Link, setQuery, useLocation } from "@docket/ui/router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { AuditFilterBar } from "../audit/AuditFilterBar.tsx";
import {
  type AuditFilters,
  auditFiltersFromQuery,
  auditInputOf,
  auditQueryOf,
} from "../audit/audit-filters.ts";
import { useActorEmails } from "../audit/use-actor-emails.ts";
import { PAGE_SIZE } from "../filters/query-filters.ts";
import { describeApiError } from "../lib/api-error.ts";
import type { AuditRow } from "../lib/api-types.ts";
import { formatDateTime, shortId } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

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
        <AuditFilterBar filters={filters} onChange={set} />
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
                pageCount={Math.max(1, Math.ceil(audit.data.total / PAGE_SIZE))}
                onPageChange={(page) => set({ page })}
              />
            </>
          ))}
      </Card>
    </>
  );
}
