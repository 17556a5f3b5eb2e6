import { Alert, Card, Progress, Spinner, useToast } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { JobStatusBadge } from "../jobs/JobStatusBadge.tsx";
import { describeApiError } from "../lib/api-error.ts";
import type { JobRow } from "../lib/api-types.ts";
import { ConfirmButton } from "../lib/ConfirmButton.tsx";
import { formatDateTime, formatDuration } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

type SystemKind = "admin__reprocess_all" | "maintenance__cleanup";

const isMoving = (job: JobRow) => job.status === "queued" || job.status === "running";

function RunRow({ job }: { job: JobRow }) {
  return (
    <li className="flex flex-col gap-1 border-t border-slate-100 py-3 first:border-t-0">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link to={`/jobs/${job.id}`} className="text-brand-700 underline">
          Started {formatDateTime(job.created_at)}
        </Link>
        <span className="flex items-center gap-2">
          <span className="text-slate-500">{formatDuration(job.started_at, job.finished_at)}</span>
          <JobStatusBadge status={job.status} />
        </span>
      </div>
      <Progress
        value={job.progress}
        label={`Progress of the run started ${formatDateTime(job.created_at)}`}
        tone={job.status === "failed" ? "danger" : job.status === "succeeded" ? "success" : "brand"}
      />
      {job.last_error && <p className="text-sm text-red-700">{job.last_error}</p>}
    </li>
  );
}

/** Starts one system operation as a background job and shows its recent runs, live. */
export function SystemJobCard({
  kind,
  title,
  description,
  start,
}: {
  kind: SystemKind;
  title: string;
  description: ReactNode;
  start: "reprocessAll" | "cleanup";
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const runs = useQuery({
    ...trpc.admin.jobs.list.queryOptions({ kind, limit: 5 }),
    refetchInterval: (query) => (query.state.data?.items.some(isMoving) ? 1000 : 15_000),
  });
  const mutation = useMutation(
    trpc.admin.system[start].mutationOptions({
      onSuccess: () => {
        toast({ title: `${title}: started`, tone: "success" });
        void queryClient.invalidateQueries(trpc.admin.jobs.pathFilter());
      },
    }),
  );
  const running = runs.data?.items.some(isMoving) ?? false;

  return (
    <Card
      title={title}
      actions={
        <ConfirmButton
          variant="primary"
          title={`${title}?`}
          description={description}
          confirmLabel="Start"
          loading={mutation.isPending}
          disabled={running}
          onConfirm={() => mutation.mutate()}
        >
          {running ? "Running…" : "Start"}
        </ConfirmButton>
      }
    >
      <p className="mb-3 text-sm text-slate-600">{description}</p>
      {mutation.isError && <Alert>{describeApiError(mutation.error)}</Alert>}
      {runs.isError && <Alert>{describeApiError(runs.error)}</Alert>}
      {runs.isPending && <Spinner label="Loading recent runs" />}
      {runs.data &&
        (runs.data.items.length === 0 ? (
          <p className="text-sm text-slate-500">Never run yet.</p>
        ) : (
          <ul aria-label={`Recent runs: ${title}`}>
            {runs.data.items.map((job) => (
              <RunRow key={job.id} job={job} />
            ))}
          </ul>
        ))}
    </Card>
  );
}
