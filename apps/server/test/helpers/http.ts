// Raw HTTP calls to the server, so tests see exactly what a client sees: status, headers, body.
// tRPC wire format without a transformer: GET ?input=<json> for queries, POST JSON for mutations.

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function send(url: string, init: RequestInit): Promise<HttpResult> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function authHeaders(token: string | null | undefined, extra: Record<string, string> = {}) {
  return token ? { authorization: `Bearer ${token}`, ...extra } : extra;
}

export function query(base: string, path: string, input?: unknown, token?: string | null) {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return send(`${base}/trpc/${path}${qs}`, { headers: authHeaders(token) });
}

export function mutate(base: string, path: string, input?: unknown, token?: string | null) {
  return send(`${base}/trpc/${path}`, {
    method: "POST",
    headers: authHeaders(token, { "content-type": "application/json" }),
    body: input === undefined ? undefined : JSON.stringify(input),
  });
}

/** Calls a procedure the way its type requires (query → GET, mutation → POST). */
export function call(
  base: string,
  type: "query" | "mutation",
  path: string,
  input: unknown,
  token?: string | null,
) {
  return type === "query" ? query(base, path, input, token) : mutate(base, path, input, token);
}

/** A request with any Authorization header value, to probe token handling. */
export function withAuthorization(base: string, path: string, authorization: string) {
  return send(`${base}/trpc/${path}`, { headers: { authorization } });
}

export function raw(url: string, init: RequestInit = {}) {
  return send(url, init);
}

/** The tRPC error code of a single-call error body. */
export function trpcCode(result: HttpResult): string | undefined {
  const body = result.json as { error?: { data?: { code?: string } } } | undefined;
  return body?.error?.data?.code;
}

/** The data of a single-call success body. */
export function trpcData<T>(result: HttpResult): T {
  const body = result.json as { result?: { data?: T } } | undefined;
  if (result.status !== 200 || !body?.result) {
    throw new Error(`expected success, got ${result.status}: ${result.text.slice(0, 500)}`);
  }
  return body.result.data as T;
}
