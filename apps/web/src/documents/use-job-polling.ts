import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isTerminal, nextPollDelay } from "../lib/poll-delay.ts";
import { trpc } from "../lib/trpc.ts";

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
  useEffect(() => {
    if (status && isTerminal(status) && status !== shownStatus) {
      void queryClient.invalidateQueries(trpc.documents.pathFilter());
      void queryClient.invalidateQueries(trpc.notifications.pathFilter());
    }
  }, [status, shownStatus, queryClient]);

  return job;
}
