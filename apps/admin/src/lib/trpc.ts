import type { AppRouter } from "@docket/api";
import { apiLinkOptions } from "@docket/ui/api";
import { sessionTokens } from "@docket/ui/auth";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { env } from "../env.ts";
import { queryClient } from "./query-client.ts";
import { auth } from "./supabase.ts";

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink(apiLinkOptions(env.VITE_API_URL, sessionTokens(auth)))],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
