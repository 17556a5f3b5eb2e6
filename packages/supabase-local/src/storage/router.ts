// Matches a request to a route the way Storage's router does: routes with literal segments are
// listed first and win when the whole URL fits them; otherwise the generic `/object/{bucket}/…`
// routes take it (so a bucket named `public` still works for `/object/public/file.txt`).
import type { ServiceRequest } from "../gateway/service.ts";
import { errors, StorageError } from "./errors.ts";
import type { HandlerContext, Route, StorageDeps } from "./handler-context.ts";
import { header, sendError } from "./http.ts";
import { effectiveAuthorization } from "./identity.ts";
import { assertValidBucketName } from "./names.ts";

interface Match {
  route: Route;
  bucket: string;
  key: string;
}

function decode(segment: string, invalid: () => StorageError): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalid();
  }
}

function matchRoute(route: Route, segments: string[]): Match | null {
  const { pattern } = route;
  const wildcard = pattern[pattern.length - 1] === "*";
  if (wildcard ? segments.length < pattern.length : segments.length !== pattern.length) return null;
  let bucket = "";
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? "";
    if (part === "*") break;
    if (part === ":bucket") {
      if (segment === "") return null;
      bucket = segment;
    } else if (part !== segment) {
      return null;
    }
  }
  const key = wildcard ? segments.slice(pattern.length - 1).join("/") : "";
  return { route, bucket, key };
}

export function createRouter(routes: Route[], deps: StorageDeps) {
  return async function handle({ req, res, path, url, authorization }: ServiceRequest) {
    const method = req.method === "HEAD" ? "HEAD" : (req.method ?? "GET");
    const segments = path.replace(/^\/+/, "").split("/");
    let match: Match | null = null;
    for (const route of routes) {
      if (route.method !== method) continue;
      match = matchRoute(route, segments);
      if (match) break;
    }
    try {
      if (!match) {
        const hint = path.startsWith("/render/image")
          ? " (image transformations are not supported by supabase-local)"
          : "";
        throw errors.routeNotFound(method, path + url.search, hint);
      }
      const bucket = decode(match.bucket, errors.invalidBucketName);
      if (match.bucket !== "") assertValidBucketName(bucket);
      const ctx: HandlerContext = {
        req,
        res,
        url,
        authorization: effectiveAuthorization(deps.keys, authorization, header(req, "apikey")),
        deps,
        params: {
          bucket,
          key: decode(match.key, () => errors.invalidKey(match.key)),
        },
        info: {
          method,
          path: path + url.search,
          headers: req.headers,
          operation: match.route.operation,
        },
      };
      await match.route.handler(ctx);
    } catch (error) {
      const storageError = error instanceof StorageError ? error : null;
      // A client that hung up mid-request is not a server failure worth logging.
      if (!storageError && !req.destroyed) {
        deps.log(
          `storage: ${method} ${path} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
      sendError(res, storageError ?? errors.internal(), method === "HEAD");
    }
  };
}
