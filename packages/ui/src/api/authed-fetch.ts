// A fetch for the API that survives an expired access token: on a 401 it gets a fresh token once
// and repeats the request. Concurrent 401s share one refresh, and a request that was sent with a
// token that has since been replaced just retries with the new one instead of refreshing again.

export interface TokenSource {
  /** The access token requests should carry now, or null when signed out. */
  current(): Promise<string | null>;
  /** Exchanges the refresh token for a new access token; null when that is impossible. */
  refresh(): Promise<string | null>;
  /** Called once per failed refresh: sign the user out and tell them why. */
  onRefreshFailed(): void | Promise<void>;
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function bearerOf(headers: HeadersInit | undefined): string | null {
  const value = new Headers(headers).get("authorization");
  return value?.startsWith("Bearer ") ? value.slice("Bearer ".length) : null;
}

function withBearer(init: RequestInit | undefined, token: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set("authorization", `Bearer ${token}`);
  return { ...init, headers };
}

export function createAuthedFetch(source: TokenSource, baseFetch: Fetch = fetch): Fetch {
  let inflight: Promise<string | null> | null = null;

  // One refresh at a time; everyone who hits a 401 meanwhile waits for the same result.
  function sharedRefresh(): Promise<string | null> {
    inflight ??= (async () => {
      try {
        const token = await source.refresh();
        if (token === null) await source.onRefreshFailed();
        return token;
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  async function freshTokenAfter(rejected: string): Promise<string | null> {
    if (inflight) return inflight;
    const current = await source.current();
    if (current !== null && current !== rejected) return current;
    return sharedRefresh();
  }

  return async (input, init) => {
    const response = await baseFetch(input, init);
    if (response.status !== 401) return response;
    const rejected = bearerOf(init?.headers);
    // Anonymous calls have nothing to refresh; the 401 is the answer.
    if (rejected === null) return response;
    const fresh = await freshTokenAfter(rejected);
    if (fresh === null) return response;
    // Only one retry: a fresh token that is refused too is a real error, not an expiry.
    return baseFetch(input, withBearer(init, fresh));
  };
}
