import type { AppRouter } from "@docket/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { setSignedOutReason } from "../auth/session-notice.ts";
import { env } from "../env.ts";
import { createAuthedFetch } from "./authed-fetch.ts";
import { queryClient } from "./query-client.ts";
import { auth } from "./supabase.ts";

async function currentAccessToken(): Promise<string | null> {
  const { data } = await auth.getSession();
  return data.session?.access_token ?? null;
}

const authedFetch = createAuthedFetch({
  current: currentAccessToken,
  refresh: async () => {
    const { data, error } = await auth.refreshSession();
    return error ? null : (data.session?.access_token ?? null);
  },
  onRefreshFailed: async () => {
    setSignedOutReason("Your session has ended. Please sign in again.");
    await auth.signOut({ scope: "local" });
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: new URL("/trpc", env.VITE_API_URL).toString(),
      async headers() {
        const token = await currentAccessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      fetch: authedFetch,
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
