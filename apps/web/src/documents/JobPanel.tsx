import { Alert, Button, Dialog, Progress } from "@docket/ui";
import { useState } from "react";
import { formatDateTime } from "../lib/format.ts";
import { JobStatusBadge } from "./status.tsx";

export interface JobView {
  id: string;
  status: string;
  progress: number;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  cancel_requested_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobPanelProps {
  job: JobView;
  onRetry: () => void;
  onCancel: () => void;
  busy: boolean;
  actionError: string | null;
}

const progressLabel: Record<string, string> = {
  queued: "Waiting for a worker…",
  running: "Processing…",
  succeeded: "All outputs are ready",
  failed: "Processing stopped",
  cancelled: "Processing was cancelled",
};

/** The processing job of a document: live progress, errors, and retry / cancel. */
export function JobPanel({ job, onRetry, onCancel, busy, actionError }: JobPanelProps) {
  const [confirmCancel, setConfirmCancel] = useState(false);
  const cancelling = job.status === "running" && job.cancel_requested_at !== null;
  const tone =
    job.status === "failed" ? "danger" : job.status === "succeeded" ? "success" : "brand";

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <JobStatusBadge status={job.status} />
        <span aria-live="polite">
          {cancelling ? "Stopping…" : (progressLabel[job.status] ?? job.status)}
        </span>
        {job.attempts > 1 && (
          <span>
            · attempt {job.attempts} of {job.max_attempts}
          </span>
        )}
      </div>
      <Progress
        value={job.status === "succeeded" ? 100 : job.progress}
        label="Processing progress"
        tone={tone}
      />
      {job.status === "failed" && job.last_error && (
        <Alert title="Processing failed">{job.last_error}</Alert>
      )}
      {actionError && <Alert>{actionError}</Alert>}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-500 sm:grid-cols-3">
        <div>
          <dt className="inline">Queued: </dt>
          <dd className="inline">{formatDateTime(job.created_at)}</dd>
        </div>
        <div>
          <dt className="inline">Started: </dt>
          <dd className="inline">{formatDateTime(job.started_at)}</dd>
        </div>
        <div>
          <dt className="inline">Finished: </dt>
          <dd className="inline">{formatDateTime(job.finished_at)}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-2">
        {(job.status === "failed" || job.status === "cancelled") && (
          <Button onClick={onRetry} loading={busy}>
            Retry
          </Button>
        )}
        {(job.status === "queued" || job.status === "running") && (
          <Button
            variant="secondary"
            onClick={() => setConfirmCancel(true)}
            disabled={busy || cancelling}
          >
            Cancel processing
          </Button>
        )}
      </div>
      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Cancel processing?"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
              Keep going
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirmCancel(false);
                onCancel();
              }}
            >
              Cancel processing
            </Button>
          </>
        }
      >
        The document stays, without a summary or outputs until you retry its processing.
      </Dialog>
    </div>
  );
}
