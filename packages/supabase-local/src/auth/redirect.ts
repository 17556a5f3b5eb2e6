// Where Auth may send the browser back to (GoTrue's rules): the site URL's host (any port on
// loopback), a loopback address, or an `additional_redirect_urls` glob. Anything else silently
// falls back to site_url, so a forged redirect_to never leaves the allow-list.
import type { AuthSettings } from "./settings.ts";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? "";
    if (ch === "*" && glob[i + 1] === "*") {
      pattern += ".*";
      i++;
    } else if (ch === "*") {
      pattern += "[^./]*";
    } else if (ch === "?") {
      pattern += "[^./]";
    } else {
      pattern += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    }
  }
  return new RegExp(`^${pattern}$`);
}

export function isAllowedRedirect(settings: AuthSettings, candidate: string): boolean {
  let target: URL;
  try {
    target = new URL(candidate);
  } catch {
    return false;
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return settings.redirectAllowList.some((glob) => globToRegExp(glob).test(candidate));
  }
  const site = new URL(settings.siteUrl);
  if (target.protocol === site.protocol && target.hostname === site.hostname) {
    if (target.port === site.port || LOOPBACK.has(site.hostname)) return true;
  }
  if (target.hostname === "127.0.0.1" || target.hostname === "[::1]") return true;
  return settings.redirectAllowList.some(
    (glob) => glob === candidate || globToRegExp(glob).test(candidate),
  );
}

/** The validated `redirect_to` (query parameter), or site_url. */
export function redirectTarget(
  settings: AuthSettings,
  requested: string | null | undefined,
): string {
  if (requested && isAllowedRedirect(settings, requested)) return requested;
  return settings.siteUrl;
}
