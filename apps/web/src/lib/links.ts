// Turning URLs from elsewhere (the `?next=` query, notification links) into safe in-app paths.

const APP_PATHS = /^\/(documents|notifications|profile)(\/|$)/;

/** `?next=` after sign-in: only a path of this site, never another origin (`//evil.example`). */
export function safeNextPath(raw: string | null): string {
  const isLocalPath = raw?.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\");
  return isLocalPath && raw ? raw : "/documents";
}

/**
 * A notification's link as an in-app path when it points at one of our pages (the worker writes
 * absolute URLs with its configured APP_URL, whose host may be spelled differently from the one
 * in the address bar); null when it leads elsewhere.
 */
export function inAppPath(link: string, currentOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(link, currentOrigin);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.origin !== currentOrigin && !APP_PATHS.test(url.pathname)) return null;
  return url.pathname + url.search + url.hash;
}

/** Where to go after signing in: the page that asked for it (`?next=`), if it is one of ours. */
export function nextPath(): string {
  return safeNextPath(new URLSearchParams(window.location.search).get("next"));
}
