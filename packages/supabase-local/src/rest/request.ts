// Everything a handler needs to know about one request, decoded once: schema (profiles), who
// is asking, preferences, wanted media type, and the GUC values for the transaction.
import type { IncomingMessage } from "node:http";
import { RestError } from "./errors.ts";
import type { Identity } from "./jwt.ts";
import { type MediaKind, negotiate } from "./parse/accept.ts";
import { type Preferences, parsePrefer } from "./parse/prefer.ts";
import { ident } from "./sql/text.ts";
import type { RequestSettings } from "./transaction.ts";

export interface RestRequest {
  method: string;
  /** Path as PostgREST sees it (without /rest/v1), for request.path. */
  path: string;
  url: URL;
  req: IncomingMessage;
  schema: string;
  /** Content-Profile to echo, if any. */
  profile?: string;
  identity: Identity;
  prefer: Preferences;
  media: MediaKind;
  body?: Buffer;
}

export function describeRequest(
  req: IncomingMessage,
  path: string,
  url: URL,
  identity: Identity,
  schemas: string[],
): RestRequest {
  const method = (req.method ?? "GET").toUpperCase();
  const reading = method === "GET" || method === "HEAD";
  const header = req.headers[reading ? "accept-profile" : "content-profile"];
  const asked = typeof header === "string" ? header : undefined;
  if (asked !== undefined && !schemas.includes(asked)) {
    throw new RestError(
      406,
      "PGRST106",
      `The schema must be one of the following: ${schemas.join(", ")}`,
    );
  }
  const schema = asked ?? schemas[0] ?? "public";
  const request: RestRequest = {
    method,
    path,
    url,
    req,
    schema,
    identity,
    prefer: parsePrefer(joinHeader(req.headers.prefer)),
    media: negotiate(req.headers.accept),
  };
  if (asked !== undefined || schemas.length > 1) request.profile = schema;
  return request;
}

export function settingsFor(
  r: RestRequest,
  readOnly: boolean,
  extraSearchPath: string[],
): RequestSettings {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.req.headers)) {
    if (k !== "cookie" && v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  const settings: RequestSettings = {
    readOnly,
    searchPath: [r.schema, ...extraSearchPath.filter((s) => s !== r.schema)].map(ident).join(", "),
    role: r.identity.role,
    claims: r.identity.claims,
    method: r.method,
    path: r.path,
    headers: JSON.stringify(headers),
    cookies: JSON.stringify(parseCookies(r.req.headers.cookie)),
  };
  // An unknown time zone is ignored, as PostgREST does, instead of failing the request.
  if (r.prefer.timezone && isTimeZone(r.prefer.timezone)) settings.timezone = r.prefer.timezone;
  return settings;
}

function joinHeader(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(", ") : v;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
