import type { AppRouter } from "@docket/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { env } from "../env.ts";
import { queryClient } from "./query-client.ts";
import { retryOn401 } from "./retry-on-401.ts";
import { auth, currentAccessToken } from "./supabase.ts";

const fetchWithRefresh = retryOn401({
  refresh: async () => {
    const { data, error } = await auth.refreshSession();
    if (error || !data.session) {
      await auth.signOut({ scope: "local" });
      return null;
    }
    return data.session.access_token;
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: new URL("/trpc", env.VITE_API_URL).toString(),
      // Asked per request, so a refreshed token is picked up at once.
      async headers() {
        const token = await currentAccessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      fetch: fetchWithRefresh,
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
