// CORS for the browser apps: only origins on the allow-list get CORS headers. Tokens travel in the
// Authorization header, never cookies, so credentials are not allowed.
import type { RequestHandler } from "express";

const ALLOWED_HEADERS = "authorization, content-type, x-request-id, trpc-accept, x-trpc-source";
const EXPOSED_HEADERS = "x-request-id, retry-after, www-authenticate";

export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const isPreflight = req.method === "OPTIONS" && req.headers["access-control-request-method"];
    if (origin === undefined) return next();
    res.vary("Origin");
    if (!allowed.has(origin)) {
      // No CORS headers: the browser blocks the response. A preflight gets a clear 403.
      if (isPreflight) return void res.status(403).end();
      return next();
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (!isPreflight) return next();
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  };
}
