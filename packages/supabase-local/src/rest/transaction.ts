// One transaction per request (spec §13.2): BEGIN with the access mode, one statement that sets
// the role, the JWT claims and the request GUCs (bound parameters), the request's statement,
// and — for reads — COMMIT, all sent as one batch with a single Sync (batch.ts): one round trip
// and one answer. Writes commit after the handler has checked the result, so a singular
// response with ≠ 1 row (or any throw) rolls back.
import type pg from "pg";
import { type Row, runBatch } from "./batch.ts";
import type { Statement } from "./sql/text.ts";

export type { Row } from "./batch.ts";

export interface RequestSettings {
  readOnly: boolean;
  searchPath: string;
  role: string;
  claims: string;
  method: string;
  path: string;
  headers: string;
  cookies: string;
  timezone?: string;
}

const setupText =
  "SELECT set_config('search_path', $1, true), set_config('role', $2, true), " +
  "set_config('request.jwt.claims', $3, true), set_config('request.method', $4, true), " +
  "set_config('request.path', $5, true), set_config('request.headers', $6, true), " +
  "set_config('request.cookies', $7, true)";
const timezoneText = "SELECT set_config('timezone', $1, true)";
const readOnlyBegin = "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY";
const readWriteBegin = "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE";

/**
 * Runs `main` in the request's transaction and hands its first row to `finish`. BEGIN, the
 * settings and `main` go in one round trip; with `commitEarly` (reads that need nothing else)
 * COMMIT rides along and `finish` gets no connection; otherwise `finish` may run more
 * statements before COMMIT.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  s: RequestSettings,
  main: Statement,
  finish: (row: Row, db: Db | null) => T | Promise<T>,
  commitEarly: boolean,
): Promise<T> {
  const client = await pool.connect();
  const early = commitEarly && s.readOnly;
  const statements: Statement[] = [
    { text: s.readOnly ? readOnlyBegin : readWriteBegin, values: [] },
    {
      text: setupText,
      values: [s.searchPath, s.role, s.claims, s.method, s.path, s.headers, s.cookies],
    },
  ];
  if (s.timezone) statements.push({ text: timezoneText, values: [s.timezone] });
  const mainIndex = statements.push(main) - 1;
  if (early) statements.push({ text: "COMMIT", values: [] });
  let broken: Error | undefined;
  let row: Row;
  try {
    row = (await runBatch(client, statements))[mainIndex]?.[0] ?? {};
  } catch (err) {
    // The failed batch left its transaction aborted (or none, if BEGIN or COMMIT failed):
    // ROLLBACK ends it either way; pg sends it once the batch's answer is in.
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    client.release(broken);
    throw err;
  }
  if (early) {
    client.release();
    return finish(row, null);
  }
  try {
    const result = await finish(row, new Db(client));
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The request's connection, for statements `finish` runs before COMMIT. */
export class Db {
  private readonly client: pg.PoolClient;
  constructor(client: pg.PoolClient) {
    this.client = client;
  }

  async run(statement: Statement): Promise<Row[]> {
    return (await runBatch(this.client, [statement]))[0] ?? [];
  }
}
