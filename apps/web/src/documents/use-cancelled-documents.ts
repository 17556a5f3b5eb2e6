import { useQueries } from "@tanstack/react-query";
import { trpc } from "../lib/trpc.ts";

interface DocumentRow {
  id: string;
  status: string;
}

/**
 * The ids of the documents whose processing was cancelled. Such a document is stored as
 * "failed"; only its latest processing job tells the two apart, so that job is asked for, for the
 * failed documents on screen only (the calls go out in one batched request).
 */
export function useCancelledDocuments(documents: readonly DocumentRow[]): Set<string> {
  const failed = documents.filter((d) => d.status === "failed");
  const latestJobs = useQueries({
    queries: failed.map((d) =>
      trpc.jobs.list.queryOptions({ documentId: d.id, kind: "document__process", limit: 1 }),
    ),
  });
  return new Set(
    failed.filter((_, i) => latestJobs[i]?.data?.items[0]?.status === "cancelled").map((d) => d.id),
  );
}
