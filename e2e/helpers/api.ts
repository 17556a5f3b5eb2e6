// Calls the API over HTTP the way any client can (tRPC's wire format, no client library), to set
// up data quickly and to check what a token may see.

export async function callMutation<T>(
  serverUrl: string,
  token: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${serverUrl}/trpc/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result)
    throw new Error(`${path} → ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export async function callQuery(
  serverUrl: string,
  token: string,
  path: string,
  input: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = `${serverUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}
