import { createAuthedFetch, type TokenSource } from "./authed-fetch.ts";

/**
 * Options for tRPC's httpBatchLink: the API's /trpc endpoint, the current access token as a
 * Bearer header (asked per request, so a refreshed token is picked up at once), and a fetch that
 * renews an expired token and repeats the request.
 */
export function apiLinkOptions(apiUrl: string, tokens: TokenSource) {
  return {
    url: new URL("/trpc", apiUrl).toString(),
    async headers(): Promise<Record<string, string>> {
      const token = await tokens.current();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    fetch: createAuthedFetch(tokens),
  };
}
