import { Table } from "@docket/ui";
import { Link } from "@docket/ui/router";
import type { JobRow } from "../lib/api-types.ts";
import { formatDateTime, shortId } from "../lib/format.ts";
import { JobStatusBadge } from "./JobStatusBadge.tsx";

/** Jobs with a link to each one's detail; used on the Jobs page and a user's page. */
export function JobsTable({
  caption,
  jobs,
  showOwner = true,
}: {
  caption: string;
  jobs: JobRow[];
  showOwner?: boolean;
}) {
  return (
    <Table<JobRow>
      caption={caption}
      rows={jobs}
      rowKey={(j) => j.id}
      columns={[
        {
          key: "id",
          header: "Job",
          cell: (j) => (
            <Link
              to={`/jobs/${j.id}`}
              className="font-mono text-brand-700 underline"
              aria-label={`Job ${j.id}`}
            >
              {shortId(j.id)}
            </Link>
          ),
        },
        { key: "kind", header: "Kind", cell: (j) => j.kind },
        { key: "status", header: "Status", cell: (j) => <JobStatusBadge status={j.status} /> },
        {
          key: "attempts",
          header: "Attempts",
          cell: (j) => `${j.attempts} / ${j.max_attempts}`,
          className: "tabular-nums",
        },
        ...(showOwner
          ? [
              {
                key: "owner",
                header: "User",
                cell: (j: JobRow) => (
                  <Link to={`/users/${j.owner_id}`} className="font-mono underline">
                    {shortId(j.owner_id)}
                  </Link>
                ),
                className: "hidden md:table-cell",
              },
            ]
          : []),
        { key: "created", header: "Created", cell: (j) => formatDateTime(j.created_at) },
        {
          key: "error",
          header: "Last error",
          cell: (j) => (
            <span className="line-clamp-2 max-w-xs text-red-700">{j.last_error ?? ""}</span>
          ),
          className: "hidden lg:table-cell",
        },
      ]}
    />
  );
}
