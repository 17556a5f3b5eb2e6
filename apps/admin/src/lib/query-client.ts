import { retryUnlessRefused } from "@docket/ui/api";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isForbidden } from "./api-error.ts";
import { markForbidden } from "./forbidden.ts";

function watchForbidden(error: unknown): void {
  if (isForbidden(error)) markForbidden();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: watchForbidden }),
  mutationCache: new MutationCache({ onError: watchForbidden }),
  defaultOptions: {
    queries: { retry: retryUnlessRefused, staleTime: 5_000, refetchOnWindowFocus: true },
    mutations: { retry: false },
  },
});
