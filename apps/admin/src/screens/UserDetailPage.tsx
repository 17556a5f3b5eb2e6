import { Alert, Card, EmptyState, PageTitle, Spinner, Table } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { useQuery } from "@tanstack/react-query";
import { JobsTable } from "../jobs/JobsTable.tsx";
import { describeApiError } from "../lib/api-error.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { UserActions } from "../users/UserActions.tsx";
import { UserBadges } from "../users/user-badges.tsx";

export function UserDetailPage({ id }: { id: string }) {
  const detail = useQuery(trpc.admin.users.get.queryOptions({ userId: id }));

  if (detail.isPending) return <Spinner label="Loading the user" />;
  if (detail.isError) {
    return (
      <>
        <PageTitle>User</PageTitle>
        <Alert>{describeApiError(detail.error)}</Alert>
      </>
    );
  }
  const { user, documents, jobs } = detail.data;
  if (!user) return <EmptyState title="User not found" />;

  return (
    <>
      <PageTitle>{user.email ?? user.id}</PageTitle>
      <div className="flex flex-col gap-6">
        <Card title="Account" actions={<UserBadges user={user} />}>
          <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Id</dt>
            <dd className="font-mono">{user.id}</dd>
            <dt className="text-slate-500">Name</dt>
            <dd>{user.displayName ?? "—"}</dd>
            <dt className="text-slate-500">Joined</dt>
            <dd>{formatDateTime(user.createdAt)}</dd>
            <dt className="text-slate-500">Last sign-in</dt>
            <dd>{formatDateTime(user.lastSignInAt)}</dd>
            <dt className="text-slate-500">Banned until</dt>
            <dd>{user.isBanned ? formatDateTime(user.bannedUntil) : "—"}</dd>
          </dl>
          <UserActions user={user} />
        </Card>
        <Card title={`Documents (${documents.total})`}>
          {documents.items.length === 0 ? (
            <p className="text-sm text-slate-500">No documents.</p>
          ) : (
            <Table
              caption="Their documents"
              rows={documents.items}
              rowKey={(d) => d.id}
              columns={[
                { key: "title", header: "Title", cell: (d) => d.title },
                { key: "source", header: "Source", cell: (d) => d.file_name ?? d.source },
                { key: "status", header: "Status", cell: (d) => d.status },
                { key: "created", header: "Created", cell: (d) => formatDateTime(d.created_at) },
              ]}
            />
          )}
        </Card>
        <Card
          title={`Jobs (${jobs.total})`}
          actions={
            <Link to={`/jobs?user=${user.id}`} className="text-sm text-brand-700 underline">
              All their jobs
            </Link>
          }
        >
          {jobs.items.length === 0 ? (
            <p className="text-sm text-slate-500">No jobs.</p>
          ) : (
            <JobsTable caption="Their jobs" jobs={jobs.items} showOwner={false} />
          )}
        </Card>
      </div>
    </>
  );
}
