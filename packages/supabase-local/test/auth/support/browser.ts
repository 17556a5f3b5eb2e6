// A scripted browser: follows redirects one by one, keeps cookies per host, and stops at the
// first URL outside the servers it is allowed to visit (the app's redirect target).
export async function followRedirects(
  start: string,
  visitHosts: string[],
  maxHops = 20,
): Promise<URL> {
  const jar = new Map<string, Map<string, string>>();
  let url = new URL(start);
  for (let hop = 0; hop < maxHops; hop++) {
    if (!visitHosts.includes(url.host)) return url;
    const cookies = jar.get(url.host) ?? new Map<string, string>();
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      signal: AbortSignal.timeout(10_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    jar.set(url.host, cookies);
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(
        `${url} answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`,
      );
    }
    await res.arrayBuffer().catch(() => undefined);
    url = new URL(location, url);
  }
  throw new Error(`more than ${maxHops} redirects`);
}
