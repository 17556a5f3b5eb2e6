import { useQuery } from "@tanstack/react-query";
import { trpc } from "../lib/trpc.ts";

/** The unread badge next to "Notifications"; checks every 15 s while the tab is visible. */
export function UnreadCount() {
  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: 15_000,
  });
  const count = unread.data?.count ?? 0;
  if (!count) return null;
  return (
    <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums">
      {count > 99 ? "99+" : count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
