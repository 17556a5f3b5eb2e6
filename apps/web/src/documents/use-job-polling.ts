import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isTerminal, nextPollDelay } from "../lib/poll-delay.ts";
import { trpc } from "../lib/trpc.ts";

/** How long after a job finishes its notification is usually there. */
const NOTIFICATION_LAG_MS = 2000;

/**
 * Polls a job until it finishes (fast while it moves, backing off while it does not). When it
 * has finished but the document page still shows it unfinished (`shownStatus`, from the document
 * query), the document and its outputs are refreshed: once, since afterwards the two agree.
 */
export function useJobPolling(jobId: string | undefined, shownStatus: string | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef({ key: "", updatedAt: 0, unchanged: 0 });

  const job = useQuery({
    ...trpc.jobs.get.queryOptions({ id: jobId ?? "" }),
    enabled: Boolean(jobId),
    staleTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return false;
      // Count only real fetches, not every re-evaluation of this function.
      const s = seen.current;
      if (query.state.dataUpdatedAt !== s.updatedAt) {
        const key = `${data.status}:${data.progress}`;
        s.unchanged = key === s.key ? s.unchanged + 1 : 0;
        s.key = key;
        s.updatedAt = query.state.dataUpdatedAt;
      }
      return nextPollDelay({ status: data.status, unchangedPolls: s.unchanged });
    },
    refetchIntervalInBackground: false,
  });

  const status = job.data?.status;
  const notificationTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!status || !isTerminal(status) || status === shownStatus) return;
    void queryClient.invalidateQueries(trpc.documents.pathFilter());
    // The "document ready" notification is its own job that runs just after this one. The timer
    // must outlive the re-render that the document refetch causes, so it is kept in a ref.
    clearTimeout(notificationTimer.current);
    notificationTimer.current = setTimeout(
      () => void queryClient.invalidateQueries(trpc.notifications.pathFilter()),
      NOTIFICATION_LAG_MS,
    );
  }, [status, shownStatus, queryClient]);
  useEffect(() => () => clearTimeout(notificationTimer.current), []);

  return job;
}
