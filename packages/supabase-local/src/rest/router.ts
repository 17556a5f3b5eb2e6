// Routes one request (spec §1.1): `/<relation>` and `/rpc/<function>` of the request schema,
// method rules, body reading; every failure becomes a PostgREST error response.
import type { IncomingMessage } from "node:http";
import { RestError } from "./errors.ts";
import { handleDelete } from "./handlers/delete.ts";
import type { HandlerEnv } from "./handlers/env.ts";
import { handleInsert } from "./handlers/insert.ts";
import { handleOptions } from "./handlers/options.ts";
import { handlePut } from "./handlers/put.ts";
import { handleRead } from "./handlers/read.ts";
import { handleRpc } from "./handlers/rpc.ts";
import { handleUpdate } from "./handlers/update.ts";
import type { RestRequest } from "./request.ts";
import type { RestResponse } from "./response.ts";

const tableMethods = new Set(["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"]);
const rpcMethods = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
const maxBodyBytes = 50 * 1024 * 1024;

export async function route(env: HandlerEnv, r: RestRequest): Promise<RestResponse> {
  const segments = r.path.split("/").slice(1).map(decodeSegment);
  if (segments.length === 2 && segments[0] === "rpc") {
    if (!rpcMethods.has(r.method)) {
      throw new RestError(405, "PGRST101", `Cannot use the ${r.method} method on RPC`);
    }
    if (r.method === "OPTIONS") return rpcOptions(env, r, segments[1] as string);
    if (r.method === "POST") r.body = await readBody(r.req);
    return handleRpc(env, r, segments[1] as string);
  }
  if (!tableMethods.has(r.method)) {
    throw new RestError(405, "PGRST117", `Unsupported HTTP method: ${r.method}`);
  }
  if (segments.length !== 1 || !segments[0]) {
    throw new RestError(404, "PGRST125", "Invalid path specified in request URL");
  }
  const name = segments[0];
  const relation = env.cache.relation(r.schema, name);
  if (!relation) throw tableNotFound(env, r.schema, name);
  switch (r.method) {
    case "GET":
    case "HEAD":
      return handleRead(env, r, relation);
    case "OPTIONS":
      return handleOptions(r, relation);
    case "DELETE":
      return handleDelete(env, r, relation);
    case "PATCH":
      r.body = await readBody(r.req);
      return handleUpdate(env, r, relation);
    case "PUT":
      r.body = await readBody(r.req);
      return handlePut(env, r, relation);
    default:
      r.body = await readBody(r.req);
      return handleInsert(env, r, relation);
  }
}

/** OPTIONS on a function: volatile ones are POST only (spec §1.1). */
function rpcOptions(env: HandlerEnv, r: RestRequest, name: string): RestResponse {
  const overloads = env.cache.functions(r.schema, name);
  if (!overloads.length)
    throw new RestError(
      404,
      "PGRST202",
      `Could not find the function ${r.schema}.${name} in the schema cache`,
    );
  const volatile = overloads.some((f) => f.volatility === "volatile");
  return {
    status: 200,
    headers: { Allow: volatile ? "OPTIONS,POST" : "OPTIONS,GET,HEAD,POST" },
    body: null,
  };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new RestError(404, "PGRST125", "Invalid path specified in request URL");
  }
}

function tableNotFound(env: HandlerEnv, schema: string, name: string): RestError {
  const lower = name.toLowerCase();
  const near = env.cache.relation(schema, lower) ? lower : undefined;
  return new RestError(
    404,
    "PGRST205",
    `Could not find the table '${schema}.${name}' in the schema cache`,
    null,
    near ? `Perhaps you meant the table '${schema}.${near}'` : null,
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new RestError(413, "PGRST413", "Payload too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
