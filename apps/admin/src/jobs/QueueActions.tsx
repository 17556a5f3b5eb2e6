import { Alert, Button, useToast } from "@docket/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { describeApiError } from "../lib/api-error.ts";
import { ConfirmButton } from "../lib/ConfirmButton.tsx";
import { trpc } from "../lib/trpc.ts";

interface Affected {
  count: number;
  skippedIds: string[];
}

/**
 * graphile-worker's own levers for a job still in the queue: run it now (rescheduleJobs), mark
 * it done without running (completeJobs) or give up on it (permanentlyFailJobs). A job a worker
 * holds locked is skipped by graphile-worker, and the toast says so.
 */
export function QueueActions({ jobId }: { jobId: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const settled = (done: string) => (result: Affected) => {
    toast(
      result.count > 0
        ? { title: done, tone: "success" }
        : { title: "Skipped: a worker holds this job right now", tone: "error" },
    );
    void queryClient.invalidateQueries(trpc.admin.jobs.pathFilter());
  };
  const runNow = useMutation(
    trpc.admin.jobs.reschedule.mutationOptions({ onSuccess: settled("Rescheduled to run now") }),
  );
  const complete = useMutation(
    trpc.admin.jobs.complete.mutationOptions({ onSuccess: settled("Marked as done") }),
  );
  const fail = useMutation(
    trpc.admin.jobs.permanentlyFail.mutationOptions({ onSuccess: settled("Failed for good") }),
  );
  const error = runNow.error ?? complete.error ?? fail.error;
  const jobIds = [jobId];

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          loading={runNow.isPending}
          onClick={() => runNow.mutate({ jobIds, runAt: new Date().toISOString() })}
        >
          Run now
        </Button>
        <ConfirmButton
          title="Mark this job as done?"
          description="It leaves the queue without running; its outputs are not produced."
          confirmLabel="Mark as done"
          loading={complete.isPending}
          onConfirm={() => complete.mutate({ jobIds })}
        >
          Mark as done
        </ConfirmButton>
        <ConfirmButton
          variant="danger"
          title="Fail this job for good?"
          description="graphile-worker stops retrying it; it can still be retried by hand later."
          confirmLabel="Fail for good"
          loading={fail.isPending}
          onConfirm={() => fail.mutate({ jobIds, reason: "Failed by an admin" })}
        >
          Fail for good
        </ConfirmButton>
      </div>
      {error && <Alert>{describeApiError(error)}</Alert>}
    </div>
  );
}
