import { Alert, Button, Card, Dialog, EmptyState, PageTitle, Spinner, useToast } from "@docket/ui";
import { Link, navigate } from "@docket/ui/router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { JobPanel } from "../documents/JobPanel.tsx";
import { OutputsView } from "../documents/OutputsView.tsx";
import { DocumentStatusBadge } from "../documents/status.tsx";
import { useJobPolling } from "../documents/use-job-polling.ts";
import { describeApiError, isNotFound } from "../lib/api-error.ts";
import { formatBytes } from "../lib/file-rules.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

export function DocumentDetail({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const doc = useQuery(trpc.documents.get.queryOptions({ id }));
  const latestJob = doc.data?.jobs[0];
  const job = useJobPolling(latestJob?.id, latestJob?.status);

  const refresh = () => queryClient.invalidateQueries(trpc.pathFilter());
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({
      onSuccess: async () => {
        toast({ title: "Processing restarted", tone: "success" });
        await refresh();
      },
    }),
  );
  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({
      onSuccess: async (job) => {
        toast({
          title:
            job.status === "cancelled" ? "Processing cancelled" : "Stopping after the current step",
        });
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.documents.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.documents.pathFilter());
        toast({ title: "Document deleted", tone: "success" });
        navigate("/documents", { replace: true });
      },
    }),
  );

  if (doc.isPending) return <Spinner label="Loading the document" />;
  if (doc.isError) {
    return (
      <>
        <PageTitle>
          {isNotFound(doc.error) ? "Document not found" : "Could not load the document"}
        </PageTitle>
        {isNotFound(doc.error) ? (
          <EmptyState
            title="This document does not exist or is not yours"
            action={
              <Link to="/documents" className="text-brand-700 underline">
                Back to your documents
              </Link>
            }
          />
        ) : (
          <Alert
            action={
              <Button variant="secondary" size="sm" onClick={() => void doc.refetch()}>
                Try again
              </Button>
            }
          >
            {describeApiError(doc.error)}
          </Alert>
        )}
      </>
    );
  }

  const d = doc.data.document;
  // The polled job is fresher than the one that came with the document.
  const currentJob = job.data ?? latestJob;
  const actionError = retry.error ?? cancel.error;
  const cancelled = currentJob?.status === "cancelled";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to="/documents" className="text-brand-700 hover:underline">
          ← Documents
        </Link>
      </nav>
      <PageTitle
        actions={
          <Button variant="ghost" size="sm" onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        }
      >
        {d.title}
      </PageTitle>
      <div className="grid gap-6">
        <Card title="Processing">
          <div className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <span>
              Status: <DocumentStatusBadge status={cancelled ? "cancelled" : d.status} />
            </span>
            {d.file_name && <span>File: {d.file_name}</span>}
            {d.size_bytes !== null && <span>Size: {formatBytes(d.size_bytes)}</span>}
            <span>Added: {formatDateTime(d.created_at)}</span>
          </div>
          {currentJob ? (
            <JobPanel
              job={currentJob}
              busy={retry.isPending || cancel.isPending}
              actionError={actionError ? describeApiError(actionError) : null}
              onRetry={() => retry.mutate({ id: currentJob.id })}
              onCancel={() => cancel.mutate({ id: currentJob.id })}
            />
          ) : (
            <p className="text-sm text-slate-500">No processing job yet.</p>
          )}
        </Card>
        <Card title="Outputs">
          <OutputsView
            title={d.title}
            outputs={doc.data.outputs}
            emptyDescription={emptyOutputsReason(currentJob?.status)}
          />
        </Card>
      </div>
      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title="Delete this document?"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => remove.mutate({ id })}
            >
              Delete
            </Button>
          </>
        }
      >
        “{d.title}”, its file and all its outputs are removed for good.
        {remove.error && <p className="mt-2 text-red-700">{describeApiError(remove.error)}</p>}
      </Dialog>
    </>
  );
}

function emptyOutputsReason(jobStatus: string | undefined): string | undefined {
  if (jobStatus === "cancelled")
    return "Processing was cancelled. Retry it above to get the outputs.";
  if (jobStatus === "failed") return "Processing failed: see why above.";
  return undefined;
}
