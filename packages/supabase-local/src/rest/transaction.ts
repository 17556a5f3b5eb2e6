// One transaction per request (spec §13.2): one statement that sets the role, the JWT claims
// and the request GUCs (bound parameters), then the request's statement, sent as one batch with
// a single Sync (batch.ts): one round trip and one answer. Plain reads are the batch's implicit
// transaction; writes open it with BEGIN and commit after the handler has checked the result,
// so a singular response with ≠ 1 row (or any throw) rolls back.
import type pg from "pg";
import { type Row, runBatch } from "./batch.ts";
import { isDatabaseError } from "./pg-errors.ts";
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
// Allowed after the transaction's first snapshot (only switching back to read-write is not).
const readOnlySetupText = `${setupText}, set_config('transaction_read_only', 'on', true)`;
const timezoneText = "SELECT set_config('timezone', $1, true)";
const readOnlyBegin = "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY";
const readWriteBegin = "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE";

/**
 * Runs `main` in the request's transaction and hands its first row to `finish`; the settings
 * and `main` go in one round trip. With `commitEarly` (reads that need nothing else) there is no
 * BEGIN or COMMIT: the batch is one implicit transaction, made read-only by the settings
 * statement, that PostgreSQL commits at the batch's Sync or rolls back on an error; `finish`
 * gets no connection. Otherwise BEGIN opens the transaction and `finish` may run more
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
  const alone = commitEarly && s.readOnly;
  const statements: Statement[] = [];
  if (!alone) statements.push({ text: s.readOnly ? readOnlyBegin : readWriteBegin, values: [] });
  statements.push({
    text: alone ? readOnlySetupText : setupText,
    values: [s.searchPath, s.role, s.claims, s.method, s.path, s.headers, s.cookies],
  });
  if (s.timezone) statements.push({ text: timezoneText, values: [s.timezone] });
  statements.push(main);
  let broken: Error | undefined;
  let row: Row;
  try {
    row = (await runBatch(client, statements))[0] ?? {};
  } catch (err) {
    if (alone) {
      // PostgreSQL rolled the implicit transaction back; only a broken link spoils the client.
      client.release(isDatabaseError(err) ? undefined : (err as Error));
    } else {
      // The explicit transaction is aborted (or was never opened): ROLLBACK ends it either
      // way; pg sends it once the batch's answer is in.
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      client.release(broken);
    }
    throw err;
  }
  if (alone) {
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

  run(statement: Statement): Promise<Row[]> {
    return runBatch(this.client, [statement]);
  }
}
