// A tiny method + path router: `/admin/users/:id` style patterns, first match wins.
import type { Handler } from "./deps.ts";

export interface Route {
  method: string;
  path: string;
  handler: Handler;
}

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): RouteMatch | "method_not_allowed" | null {
  const parts = path.replace(/\/+$/, "").split("/");
  let pathMatched = false;
  for (const route of routes) {
    const pattern = route.path.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((segment, i) => {
      const actual = parts[i] ?? "";
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = safeDecode(actual);
        return actual !== "";
      }
      return segment === actual;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { handler: route.handler, params };
  }
  return pathMatched ? "method_not_allowed" : null;
}

/** A malformed escape (`%E0%A4%A`) stays as written: the handler then rejects it as bad input. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
