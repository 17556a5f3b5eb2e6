import { PageTitle } from "@docket/ui";
import { SystemJobCard } from "../system/SystemJobCard.tsx";

export function SystemPage() {
  return (
    <>
      <PageTitle>System</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <SystemJobCard
          kind="admin__reprocess_all"
          start="reprocessAll"
          title="Reprocess all documents"
          description="Queues processing again for every document that is not already queued or processing. Outputs are overwritten, never duplicated."
        />
        <SystemJobCard
          kind="maintenance__cleanup"
          start="cleanup"
          title="Cleanup"
          description="Removes old notifications, files of deleted documents, stale worker heartbeats and graphile-worker's permanently failed jobs (the job history stays)."
        />
      </div>
    </>
  );
}
