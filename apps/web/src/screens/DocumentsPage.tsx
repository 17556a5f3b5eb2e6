import {
  Alert,
  Card,
  EmptyState,
  Input,
  PageTitle,
  Pagination,
  Spinner,
  Table,
  useDebounced,
} from "@docket/ui";
import { Link } from "@docket/ui/router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DocumentStatusBadge } from "../documents/status.tsx";
import { UploadPanel } from "../documents/UploadPanel.tsx";
import { useCancelledDocuments } from "../documents/use-cancelled-documents.ts";
import { describeApiError } from "../lib/api-error.ts";
import { formatBytes } from "../lib/file-rules.ts";
import { formatRelative } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

export const PAGE_SIZE = 10;

export function DocumentsPage() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const query = useDebounced(search.trim());
  const list = useQuery({
    ...trpc.documents.list.queryOptions({
      search: query || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
    // While something is still being processed, keep the badges current.
    refetchInterval: (q) =>
      q.state.data?.items.some((d) => d.status === "queued" || d.status === "processing")
        ? 3000
        : false,
  });
  const cancelled = useCancelledDocuments(list.data?.items ?? []);
  const pageCount = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <PageTitle>Documents</PageTitle>
      <div className="grid gap-6">
        <UploadPanel />
        <Card
          title="Your documents"
          actions={
            <div className="w-full sm:w-64">
              <label htmlFor="document-search" className="sr-only">
                Search documents
              </label>
              <Input
                id="document-search"
                type="search"
                placeholder="Search by title"
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPage(1);
                }}
              />
            </div>
          }
        >
          {list.isPending ? (
            <Spinner label="Loading documents" />
          ) : list.isError ? (
            <Alert
              title="Could not load your documents"
              action={
                <button type="button" className="underline" onClick={() => void list.refetch()}>
                  Try again
                </button>
              }
            >
              {describeApiError(list.error)}
            </Alert>
          ) : list.data.items.length === 0 ? (
            <EmptyState
              title={query ? "No documents match your search" : "No documents yet"}
              description={
                query
                  ? "Try another word."
                  : "Upload a file or paste some text above to get a summary, stats and entities."
              }
            />
          ) : (
            <>
              <Table
                caption="Your documents"
                rowKey={(d) => d.id}
                rows={list.data.items}
                columns={[
                  {
                    key: "title",
                    header: "Title",
                    cell: (d) => (
                      <Link
                        to={`/documents/${d.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {d.title}
                      </Link>
                    ),
                  },
                  {
                    key: "status",
                    header: "Status",
                    cell: (d) => (
                      <DocumentStatusBadge status={cancelled.has(d.id) ? "cancelled" : d.status} />
                    ),
                  },
                  {
                    key: "size",
                    header: "Size",
                    className: "hidden sm:table-cell",
                    cell: (d) => (d.size_bytes === null ? "—" : formatBytes(d.size_bytes)),
                  },
                  {
                    key: "created",
                    header: "Added",
                    className: "hidden sm:table-cell whitespace-nowrap",
                    cell: (d) => formatRelative(d.created_at),
                  },
                ]}
              />
              <Pagination
                page={page}
                pageCount={pageCount}
                onPageChange={setPage}
                label="Document pages"
              />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
