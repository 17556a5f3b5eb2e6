// One transaction per request (spec §13.2): BEGIN with the access mode, one statement that sets
// the role, the JWT claims and the request GUCs (bound parameters), the request's statement,
// and — for reads — COMMIT, all written at once in pg's pipeline mode: one round trip where
// PostgREST needs one too. Writes commit after the handler has checked the result, so a
// singular response with ≠ 1 row (or any throw) rolls back.
import type pg from "pg";
import type { Statement } from "./sql/text.ts";

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

export type Row = Record<string, string | null>;

const setupText =
  "SELECT set_config('search_path', $1, true), set_config('role', $2, true), " +
  "set_config('request.jwt.claims', $3, true), set_config('request.method', $4, true), " +
  "set_config('request.path', $5, true), set_config('request.headers', $6, true), " +
  "set_config('request.cookies', $7, true)";
const timezoneText = "SELECT set_config('timezone', $1, true)";
const readOnlyBegin = "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY";
const readWriteBegin = "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE";

/** pg's Client has a `pipeline` switch (send without waiting for each answer); not in @types/pg. */
interface PipelineClient {
  pipeline: boolean;
  _txStatus?: string | null;
}

/**
 * Runs `main` in the request's transaction and hands its first row to `finish`. With
 * `commitEarly` (reads that need nothing else) COMMIT rides in the same round trip and `finish`
 * gets no connection; otherwise `finish` may run more statements before COMMIT.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  s: RequestSettings,
  main: Statement,
  finish: (row: Row, db: Db | null) => T | Promise<T>,
  commitEarly: boolean,
): Promise<T> {
  const client = await pool.connect();
  const pc = client as unknown as PipelineClient;
  const db = new Db(client);
  let broken: Error | undefined;
  let row: Row;
  let early = false;
  pc.pipeline = true;
  try {
    const sent: Promise<unknown>[] = [
      db.run({ text: s.readOnly ? readOnlyBegin : readWriteBegin, values: [] }),
      db.run({
        text: setupText,
        values: [s.searchPath, s.role, s.claims, s.method, s.path, s.headers, s.cookies],
      }),
    ];
    if (s.timezone) sent.push(db.run({ text: timezoneText, values: [s.timezone] }));
    const mainResult = db.run<Row>(main);
    sent.push(mainResult);
    early = commitEarly && s.readOnly;
    if (early) sent.push(db.run({ text: "COMMIT", values: [] }));
    const settled = await Promise.allSettled(sent);
    pc.pipeline = false;
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) {
      if (pc._txStatus !== "I") await client.query("ROLLBACK");
      throw (failed as PromiseRejectedResult).reason;
    }
    row = ((await mainResult).rows[0] ?? {}) as Row;
  } catch (err) {
    pc.pipeline = false;
    if (pc._txStatus !== "I") await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    client.release(broken);
    throw err;
  }
  if (early) {
    client.release();
    return finish(row, null);
  }
  try {
    const result = await finish(row, db);
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

// Named prepared statements, keyed by SQL text. Bounded: hostile or one-off queries beyond the
// limit run unnamed so no connection accumulates plans without end.
const statementNames = new Map<string, string>();
const maxNamedStatements = 500;

export class Db {
  private readonly client: pg.PoolClient;
  constructor(client: pg.PoolClient) {
    this.client = client;
  }

  run<R extends pg.QueryResultRow = Record<string, unknown>>(
    statement: Statement,
  ): Promise<pg.QueryResult<R>> {
    let name = statementNames.get(statement.text);
    if (!name && statementNames.size < maxNamedStatements) {
      name = `pgrst_${statementNames.size + 1}`;
      statementNames.set(statement.text, name);
    }
    const config: pg.QueryConfig = { text: statement.text, values: statement.values };
    if (name) config.name = name;
    return this.client.query<R>(config);
  }
}
