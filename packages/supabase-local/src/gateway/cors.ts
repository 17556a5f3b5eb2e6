// CORS as the Supabase gateway answers browsers: any origin, credentials allowed, and the
// response headers supabase-js reads exposed (without X-Supabase-Api-Version exposed, a browser
// client cannot see Auth error codes; without Content-Range, count queries break).
import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOW_HEADERS = [
  "apikey",
  "authorization",
  "x-client-info",
  "content-type",
  "accept",
  "accept-profile",
  "content-profile",
  "prefer",
  "range",
  "x-upsert",
  "cache-control",
  "x-supabase-api-version",
  "x-client-ip",
  "x-jwt-aud",
  "x-use-cookie",
  "x-source",
  "tus-resumable",
  "upload-length",
  "upload-metadata",
  "upload-offset",
].join(", ");

const EXPOSE_HEADERS = [
  "Content-Range",
  "X-Total-Count",
  "Link",
  "X-Supabase-Api-Version",
  "Content-Profile",
  "Content-Location",
  "Preference-Applied",
  "ETag",
  "Location",
  "Content-Length",
  "Content-Type",
  "Upload-Offset",
  "Upload-Length",
  "Tus-Resumable",
].join(", ");

const ALLOW_METHODS = "GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS";

/** Sets the CORS headers every response carries. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader("Access-Control-Allow-Origin", origin ?? "*");
  if (origin) {
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  }
  res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
}

/** Answers a preflight. Headers a browser asks for are allowed too, as Kong's cors plugin does. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(204, {
    "Access-Control-Allow-Methods": ALLOW_METHODS,
    "Access-Control-Allow-Headers": requested ? `${ALLOW_HEADERS}, ${requested}` : ALLOW_HEADERS,
    "Access-Control-Max-Age": "3600",
    "Content-Length": "0",
  });
  res.end();
}
