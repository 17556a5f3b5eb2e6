// One transaction per request (spec §13.2): BEGIN with the access mode, one statement that sets
// the role, the JWT claims and the request GUCs (all bound parameters), the handler's statements,
// then COMMIT (or ROLLBACK when the handler asks, e.g. a singular response with ≠ 1 row).
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

const setupText =
  "SELECT set_config('search_path', $1, true), set_config('role', $2, true), " +
  "set_config('request.jwt.claims', $3, true), set_config('request.method', $4, true), " +
  "set_config('request.path', $5, true), set_config('request.headers', $6, true), " +
  "set_config('request.cookies', $7, true)";
const timezoneText = "SELECT set_config('timezone', $1, true)";

export class Rollback<T> {
  readonly value: T;
  constructor(value: T) {
    this.value = value;
  }
}

export async function inTransaction<T>(
  pool: pg.Pool,
  s: RequestSettings,
  work: (db: Db) => Promise<T | Rollback<T>>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(
      s.readOnly
        ? "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY"
        : "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE",
    );
    const db = new Db(client);
    await db.run({
      text: setupText,
      values: [s.searchPath, s.role, s.claims, s.method, s.path, s.headers, s.cookies],
    });
    if (s.timezone) await db.run({ text: timezoneText, values: [s.timezone] });
    const result = await work(db);
    if (result instanceof Rollback) {
      await client.query("ROLLBACK");
      return result.value;
    }
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

  async run<R extends pg.QueryResultRow = Record<string, unknown>>(
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
