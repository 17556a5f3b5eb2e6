import type { AppRouter } from "@docket/api";
import { apiLinkOptions } from "@docket/ui/api";
import { sessionTokens } from "@docket/ui/auth";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { setSignedOutReason } from "../auth/session-notice.ts";
import { env } from "../env.ts";
import { queryClient } from "./query-client.ts";
import { auth } from "./supabase.ts";

const tokens = sessionTokens(auth, () =>
  setSignedOutReason("Your session has ended. Please sign in again."),
);

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink(apiLinkOptions(env.VITE_API_URL, tokens))],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
