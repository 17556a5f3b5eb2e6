import { retryUnlessRefused } from "@docket/ui/api";
import { QueryClient } from "@tanstack/react-query";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: retryUnlessRefused, staleTime: 10_000, refetchOnWindowFocus: true },
    mutations: { retry: false },
  },
});
