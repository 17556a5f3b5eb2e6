import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { httpStatusOf, isForbidden } from "./api-error.ts";
import { markForbidden } from "./forbidden.ts";

// 4xx answers do not improve by asking again; network hiccups and 5xx may, twice.
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < 2;
}

function watchForbidden(error: unknown): void {
  if (isForbidden(error)) markForbidden();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: watchForbidden }),
  mutationCache: new MutationCache({ onError: watchForbidden }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 5_000, refetchOnWindowFocus: true },
    mutations: { retry: false },
  },
});
