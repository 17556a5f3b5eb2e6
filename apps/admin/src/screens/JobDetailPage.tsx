import { Alert, Button, Card, PageTitle, Progress, Spinner, useToast } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { JobStatusBadge } from "../jobs/JobStatusBadge.tsx";
import { QueueActions } from "../jobs/QueueActions.tsx";
import { describeApiError } from "../lib/api-error.ts";
import { formatDateTime, formatDuration } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

const MOVING = new Set(["queued", "running"]);

export function JobDetailPage({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const detail = useQuery({
    ...trpc.admin.jobs.get.queryOptions({ jobId: id }),
    // Watch it while it moves; a finished job changes only when someone acts on it.
    refetchInterval: (query) => (MOVING.has(query.state.data?.job.status ?? "") ? 1000 : false),
  });
  const refresh = () => queryClient.invalidateQueries(trpc.admin.jobs.pathFilter());
  const retry = useMutation(
    trpc.admin.jobs.retry.mutationOptions({
      onSuccess: () => {
        toast({ title: "Job queued again", tone: "success" });
        void refresh();
      },
    }),
  );
  const cancel = useMutation(
    trpc.admin.jobs.cancel.mutationOptions({
      onSuccess: () => {
        toast({ title: "Cancel requested", tone: "success" });
        void refresh();
      },
    }),
  );

  if (detail.isPending) return <Spinner label="Loading the job" />;
  if (detail.isError) {
    return (
      <>
        <PageTitle>Job</PageTitle>
        <Alert>{describeApiError(detail.error)}</Alert>
      </>
    );
  }
  const { job, ownerEmail } = detail.data;
  const canRetry = job.status === "failed" || job.status === "cancelled";
  const canCancel = job.status === "queued" || job.status === "running";
  const actionError = retry.error ?? cancel.error;

  return (
    <>
      <PageTitle
        actions={
          <div className="flex gap-2">
            {canRetry && (
              <Button loading={retry.isPending} onClick={() => retry.mutate({ jobId: job.id })}>
                Retry
              </Button>
            )}
            {canCancel && (
              <Button
                variant="danger"
                loading={cancel.isPending}
                disabled={job.cancel_requested_at !== null}
                onClick={() => cancel.mutate({ jobId: job.id })}
              >
                {job.cancel_requested_at ? "Cancel requested" : "Cancel"}
              </Button>
            )}
          </div>
        }
      >
        Job {job.kind}
      </PageTitle>
      <div className="flex flex-col gap-6">
        {actionError && <Alert>{describeApiError(actionError)}</Alert>}
        <Card title="State" actions={<JobStatusBadge status={job.status} />}>
          <Progress
            value={job.progress}
            label="Job progress"
            tone={
              job.status === "failed" ? "danger" : job.status === "succeeded" ? "success" : "brand"
            }
          />
          <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Id</dt>
            <dd className="font-mono">{job.id}</dd>
            <dt className="text-slate-500">User</dt>
            <dd>
              <Link to={`/users/${job.owner_id}`} className="text-brand-700 underline">
                {ownerEmail ?? job.owner_id}
              </Link>
            </dd>
            <dt className="text-slate-500">Attempts</dt>
            <dd className="tabular-nums">
              {job.attempts} of {job.max_attempts}
            </dd>
            <dt className="text-slate-500">Created</dt>
            <dd>{formatDateTime(job.created_at)}</dd>
            <dt className="text-slate-500">Started</dt>
            <dd>{formatDateTime(job.started_at)}</dd>
            <dt className="text-slate-500">Finished</dt>
            <dd>{formatDateTime(job.finished_at)}</dd>
            <dt className="text-slate-500">Run time</dt>
            <dd>{formatDuration(job.started_at, job.finished_at)}</dd>
            <dt className="text-slate-500">Request id</dt>
            <dd className="font-mono">{job.request_id ?? "—"}</dd>
          </dl>
        </Card>
        {job.status === "queued" && (
          <Card title="Queue">
            <QueueActions jobId={job.id} />
          </Card>
        )}
        {job.last_error && (
          <Card title="Last error">
            <pre className="whitespace-pre-wrap break-words text-sm text-red-800">
              {job.last_error}
            </pre>
          </Card>
        )}
        <Card title="Payload">
          <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">
            {JSON.stringify(job.payload, null, 2)}
          </pre>
        </Card>
        {job.result !== null && (
          <Card title="Result">
            <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">
              {JSON.stringify(job.result, null, 2)}
            </pre>
          </Card>
        )}
      </div>
    </>
  );
}
