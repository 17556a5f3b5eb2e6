import { Alert, Card, EmptyState, PageTitle, Pagination, Spinner, useToast } from "@docket/ui";
import { setQuery, useLocation } from "@docket/ui/router";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { PAGE_SIZE } from "../filters/query-filters.ts";
import { JobFilterBar } from "../jobs/JobFilterBar.tsx";
import { JobsTable } from "../jobs/JobsTable.tsx";
import { filtersFromQuery, listInputOf, queryFromFilters } from "../jobs/job-filters.ts";
import { describeApiError } from "../lib/api-error.ts";
import { ConfirmButton } from "../lib/ConfirmButton.tsx";
import { trpc } from "../lib/trpc.ts";

export function JobsPage() {
  const { search } = useLocation();
  const filters = filtersFromQuery(search);
  // The time window is anchored when the filters change, not on every render (a moving
  // `since` would be a new query each time).
  const now = useMemo(() => Date.now(), [search]);
  const input = listInputOf(filters, now);
  const queryClient = useQueryClient();
  const toast = useToast();

  const jobs = useQuery({
    ...trpc.admin.jobs.list.queryOptions(input),
    placeholderData: keepPreviousData,
    // Faster while something on screen is still moving.
    refetchInterval: (query) =>
      query.state.data?.items.some((j) => j.status === "queued" || j.status === "running")
        ? 2000
        : 10_000,
  });
  const retryFailed = useMutation(
    trpc.admin.jobs.retryFailed.mutationOptions({
      onSuccess: (result) => {
        toast({ title: `${result.count} failed job(s) queued again`, tone: "success" });
        void queryClient.invalidateQueries(trpc.admin.jobs.pathFilter());
      },
    }),
  );

  return (
    <>
      <PageTitle
        actions={
          <ConfirmButton
            title="Retry every failed job?"
            description={`Every failed job${filters.kind ? ` of kind ${filters.kind}` : ""}${filters.user ? " of this user" : ""} goes back to the queue (up to 500 at a time).`}
            confirmLabel="Retry failed jobs"
            loading={retryFailed.isPending}
            onConfirm={() =>
              retryFailed.mutate({
                ...(filters.kind ? { kind: filters.kind } : {}),
                ...(filters.user ? { ownerId: filters.user } : {}),
              })
            }
          >
            Retry all failed
          </ConfirmButton>
        }
      >
        Jobs
      </PageTitle>
      <Card>
        <JobFilterBar filters={filters} onChange={(next) => setQuery(queryFromFilters(next))} />
        <div className="flex flex-col gap-3">
          {retryFailed.isError && <Alert>{describeApiError(retryFailed.error)}</Alert>}
          {jobs.isError && <Alert>{describeApiError(jobs.error)}</Alert>}
          {jobs.isPending && <Spinner label="Loading jobs" />}
          {jobs.data &&
            (jobs.data.items.length === 0 ? (
              <EmptyState title="No jobs match these filters" />
            ) : (
              <>
                <p className="text-sm text-slate-500">{jobs.data.total} job(s)</p>
                <JobsTable caption="Jobs" jobs={jobs.data.items} />
                <Pagination
                  label="Jobs pages"
                  page={filters.page}
                  pageCount={Math.max(1, Math.ceil(jobs.data.total / PAGE_SIZE))}
                  onPageChange={(page) => setQuery(queryFromFilters({ ...filters, page }))}
                />
              </>
            ))}
        </div>
      </Card>
    </>
  );
}
