import { Alert, Card, PageTitle, Spinner } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { JobStatusBadge } from "../jobs/JobStatusBadge.tsx";
import { describeApiError } from "../lib/api-error.ts";
import { JOB_STATUSES } from "../lib/api-types.ts";
import { trpc } from "../lib/trpc.ts";
import { hourlySeries } from "../overview/hourly-series.ts";

const REFRESH_MS = 10_000;

// recharts is most of the dashboard's weight; only this card needs it, so it loads on its own.
const JobsChart = lazy(() =>
  import("../overview/JobsChart.tsx").then((m) => ({ default: m.JobsChart })),
);

function Stat({ label, value, href }: { label: string; value: number | string; href?: string }) {
  const body = (
    <>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
    </>
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {href ? (
        <Link to={href} className="block hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}

export function OverviewPage() {
  const overview = useQuery({
    ...trpc.admin.system.overview.queryOptions(),
    refetchInterval: REFRESH_MS,
  });
  const stats = useQuery({
    ...trpc.admin.jobs.stats.queryOptions({}),
    refetchInterval: REFRESH_MS * 3,
  });

  return (
    <>
      <PageTitle>Overview</PageTitle>
      {overview.isError && <Alert>{describeApiError(overview.error)}</Alert>}
      {overview.isPending && <Spinner label="Loading the overview" />}
      {overview.data && (
        <div className="flex flex-col gap-6">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label="Users" value={overview.data.users} href="/users" />
            <Stat label="Documents" value={overview.data.documents} />
            <Stat
              label="Failed jobs, last 24 h"
              value={overview.data.failedLast24h}
              href="/jobs?status=failed"
            />
            <Stat
              label="Queue depth"
              value={overview.data.queue ? overview.data.queue.pending : "—"}
            />
          </dl>
          <div className="grid gap-6 md:grid-cols-2">
            <Card title="Jobs by status">
              <ul className="flex flex-col gap-2">
                {JOB_STATUSES.map((status) => (
                  <li key={status} className="flex items-center justify-between text-sm">
                    <Link to={`/jobs?status=${status}`} className="hover:underline">
                      <JobStatusBadge status={status} />
                    </Link>
                    <span className="tabular-nums">{overview.data.jobsByStatus[status] ?? 0}</span>
                  </li>
                ))}
              </ul>
            </Card>
            <Card title="Queue (graphile-worker)">
              {overview.data.queue ? (
                <dl className="grid grid-cols-2 gap-2 text-sm">
                  <dt className="text-slate-500">Waiting</dt>
                  <dd className="tabular-nums">{overview.data.queue.pending}</dd>
                  <dt className="text-slate-500">Due now</dt>
                  <dd className="tabular-nums">{overview.data.queue.due}</dd>
                  <dt className="text-slate-500">Locked by a worker</dt>
                  <dd className="tabular-nums">{overview.data.queue.locked}</dd>
                  <dt className="text-slate-500">Out of attempts</dt>
                  <dd className="tabular-nums">{overview.data.queue.exhausted}</dd>
                </dl>
              ) : (
                <p className="text-sm text-slate-500">
                  graphile-worker's schema is not installed yet.
                </p>
              )}
            </Card>
          </div>
        </div>
      )}
      <Card title="Jobs per hour, last 24 h (by hour created)" className="mt-6">
        {stats.isError && <Alert>{describeApiError(stats.error)}</Alert>}
        {stats.isPending && <Spinner label="Loading the chart" />}
        {stats.data && (
          <Suspense fallback={<Spinner label="Loading the chart" />}>
            <JobsChart
              points={hourlySeries(stats.data.hourly, stats.data.since, stats.data.until)}
            />
          </Suspense>
        )}
      </Card>
    </>
  );
}
