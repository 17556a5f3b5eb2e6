// A fetch that survives an expired access token: on a 401 for a request that carried a token,
// it gets a fresh one (one refresh shared by every request that hit the 401 meanwhile) and
// repeats the request once. A second 401 is a real refusal and is returned as is.

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface TokenRefresher {
  /** A new access token, or null when the session cannot be renewed (then the user is signed out). */
  refresh(): Promise<string | null>;
}

export function retryOn401(source: TokenRefresher, baseFetch: Fetch = fetch): Fetch {
  let inflight: Promise<string | null> | null = null;
  const refreshOnce = () => {
    inflight ??= source.refresh().finally(() => {
      inflight = null;
    });
    return inflight;
  };

  return async (input, init) => {
    const response = await baseFetch(input, init);
    const headers = new Headers(init?.headers);
    if (response.status !== 401 || !headers.has("authorization")) return response;
    const token = await refreshOnce();
    if (token === null) return response;
    headers.set("authorization", `Bearer ${token}`);
    return baseFetch(input, { ...init, headers });
  };
}
