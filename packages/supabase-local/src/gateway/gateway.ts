// The one HTTP port of the stack, as Kong is in the Supabase CLI: routes /auth/v1, /rest/v1 and
// /storage/v1 to their services with the prefix stripped, after CORS, the apikey check and the
// Authorization rewrite. Plain node:http: it sits on the hot path of every API call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { KeyStore } from "../keys/key-store.ts";
import { checkApiKey } from "./api-key.ts";
import { bearerToken, rewriteAuthorization } from "./authorization.ts";
import { answerPreflight, applyCors } from "./cors.ts";
import { isOpenRoute } from "./open-routes.ts";
import type { Service } from "./service.ts";

export interface GatewayServices {
  auth: Service;
  rest: Service;
  storage: Service;
}

export interface GatewayTarget {
  keys: KeyStore;
  services: GatewayServices;
}

const PREFIXES: ReadonlyArray<[string, keyof GatewayServices]> = [
  ["/auth/v1", "auth"],
  ["/rest/v1", "rest"],
  ["/storage/v1", "storage"],
];

/** The server answers 503 until `setTarget` is called (it listens before Postgres is up). */
export function createGateway(log: (line: string) => void): {
  server: Server;
  setTarget(target: GatewayTarget): void;
} {
  let target: GatewayTarget | undefined;
  const server = createServer((req, res) => {
    handle(req, res, target).catch((error: unknown) => {
      log(`gateway: ${req.method} ${req.url?.split("?")[0]} failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { message: "An unexpected error occurred" });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  return { server, setTarget: (t) => (target = t) };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  target: GatewayTarget | undefined,
) {
  applyCors(req, res);
  if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
    return answerPreflight(req, res);
  }
  if (!target) return sendJson(res, 503, { message: "supabase-local is starting" });
  const url = new URL(req.url ?? "/", "http://gateway");
  const route = matchRoute(url.pathname);
  if (!route) return sendJson(res, 404, { message: "no Route matched with those values" });

  const incoming = req.headers.authorization;
  const apikey = headerValue(req.headers.apikey) ?? url.searchParams.get("apikey") ?? undefined;
  let authorization = incoming;
  if (!isOpenRoute(route.service, route.path)) {
    const check = await checkApiKey(apikey, target.keys);
    if (!check.ok) return sendJson(res, check.status, check.body);
    authorization = rewriteAuthorization(incoming, apikey, target.keys);
    if (authorization) req.headers.authorization = authorization;
    else delete req.headers.authorization;
  }
  await target.services[route.service].handle({
    req,
    res,
    path: route.path,
    url,
    authorization: bearerToken(authorization),
  });
}

function matchRoute(
  pathname: string,
): { service: keyof GatewayServices; path: string } | undefined {
  for (const [prefix, service] of PREFIXES) {
    if (pathname === prefix) return { service, path: "/" };
    if (pathname.startsWith(`${prefix}/`)) return { service, path: pathname.slice(prefix.length) };
  }
  return undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}
