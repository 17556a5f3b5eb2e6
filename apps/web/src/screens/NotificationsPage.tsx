import { Alert, Button, EmptyState, PageTitle, Spinner } from "@docket/ui";
import { Link } from "@docket/ui/router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { describeApiError } from "../lib/api-error.ts";
import { formatRelative } from "../lib/format.ts";
import { inAppPath } from "../lib/links.ts";
import { trpc } from "../lib/trpc.ts";

function NotificationTitle({
  title,
  link,
  onOpen,
}: {
  title: string;
  link: string | null;
  onOpen: () => void;
}) {
  if (!link) return <>{title}</>;
  const path = inAppPath(link, window.location.origin);
  if (path) {
    return (
      <Link to={path} className="hover:underline" onClick={onOpen}>
        {title}
      </Link>
    );
  }
  return (
    <a
      href={link}
      className="hover:underline"
      rel="noopener noreferrer"
      target="_blank"
      onClick={onOpen}
    >
      {title}
    </a>
  );
}

export function NotificationsPage() {
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({}));
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    }),
  );
  const unreadIds = list.data?.items.filter((n) => n.read_at === null).map((n) => n.id) ?? [];

  return (
    <>
      <PageTitle
        actions={
          unreadIds.length > 0 && (
            <Button
              variant="secondary"
              size="sm"
              loading={markRead.isPending}
              onClick={() => markRead.mutate({ ids: unreadIds })}
            >
              Mark all as read
            </Button>
          )
        }
      >
        Notifications
      </PageTitle>
      {markRead.error && <Alert>{describeApiError(markRead.error)}</Alert>}
      {list.isPending ? (
        <Spinner label="Loading notifications" />
      ) : list.isError ? (
        <Alert
          title="Could not load notifications"
          action={
            <Button variant="secondary" size="sm" onClick={() => void list.refetch()}>
              Try again
            </Button>
          }
        >
          {describeApiError(list.error)}
        </Alert>
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title="Nothing new"
          description="You will hear from us here when a document is processed."
        />
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
          {list.data.items.map((n) => {
            const unread = n.read_at === null;
            return (
              <li
                key={n.id}
                className={`flex flex-wrap items-start gap-3 p-4 ${unread ? "bg-brand-50/50" : ""}`}
              >
                <span
                  aria-hidden="true"
                  className={`mt-1.5 size-2 rounded-full ${unread ? "bg-brand-600" : "bg-transparent"}`}
                />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {unread && <span className="sr-only">Unread: </span>}
                    <NotificationTitle
                      title={n.title}
                      link={n.link}
                      onOpen={() => unread && markRead.mutate({ ids: [n.id] })}
                    />
                  </p>
                  {n.body && <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>}
                  <p className="mt-1 text-xs text-slate-500">{formatRelative(n.created_at)}</p>
                </div>
                {unread && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => markRead.mutate({ ids: [n.id] })}
                  >
                    Mark as read
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
