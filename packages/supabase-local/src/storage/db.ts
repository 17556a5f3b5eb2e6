// Runs metadata statements the way Storage does: one transaction on the `authenticator` pool that
// first switches to the request's role and sets the request.* settings, so RLS policies on
// storage.* (and auth.uid()/auth.jwt() inside them) decide. `probe` always rolls back: it asks
// Postgres "would this be allowed?" before bytes are written.
import type { IncomingMessage } from "node:http";
import type pg from "pg";
import type { Identity } from "./identity.ts";

export interface RequestInfo {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  operation: string;
}

export type Tx = pg.PoolClient;

export interface Db {
  /** Runs `fn` as `identity` and commits. */
  run<T>(identity: Identity, info: RequestInfo, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` as `identity` and always rolls back. */
  probe<T>(identity: Identity, info: RequestInfo, fn: (tx: Tx) => Promise<T>): Promise<T>;
}

const SETTINGS = [
  "role",
  "request.jwt.claim.role",
  "request.jwt",
  "request.jwt.claim.sub",
  "request.jwt.claims",
  "request.headers",
  "request.method",
  "request.path",
  "storage.operation",
  "storage.allow_delete_query",
  "search_path",
] as const;

/** `begin` and every setting in one round trip (simple protocol, values escaped as literals). */
function beginSql(client: Tx, values: readonly string[]): string {
  const calls = SETTINGS.map(
    (name, i) => `set_config('${name}', ${client.escapeLiteral(values[i] ?? "")}, true)`,
  );
  return `begin; select ${calls.join(", ")}`;
}

function lowerCaseHeaders(headers: IncomingMessage["headers"]): string {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return JSON.stringify(out);
}

export function createDb(pool: pg.Pool): Db {
  async function transaction<T>(
    identity: Identity,
    info: RequestInfo,
    fn: (tx: Tx) => Promise<T>,
    commit: boolean,
  ): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(
        beginSql(client, [
          identity.role,
          identity.role,
          identity.token,
          identity.sub ?? "",
          JSON.stringify(identity.claims),
          lowerCaseHeaders(info.headers),
          info.method,
          info.path,
          info.operation,
          "true",
          "storage, public, extensions",
        ]),
      );
      const result = await fn(client);
      await client.query(commit ? "commit" : "rollback");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return {
    run: (identity, info, fn) => transaction(identity, info, fn, true),
    probe: (identity, info, fn) => transaction(identity, info, fn, false),
  };
}
