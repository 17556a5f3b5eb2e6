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

const gucs: [string, keyof RequestSettings][] = [
  ["search_path", "searchPath"],
  ["role", "role"],
  ["request.jwt.claims", "claims"],
  ["request.method", "method"],
  ["request.path", "path"],
  ["request.headers", "headers"],
  ["request.cookies", "cookies"],
  ["timezone", "timezone"],
];

/**
 * BEGIN and every request setting in one simple-protocol round trip. The values are settings,
 * not query input: each goes through the driver's literal escaping (E'' form, quotes and
 * backslashes doubled), and the SQL built from the request still binds all its values.
 */
function beginText(client: pg.PoolClient, s: RequestSettings): string {
  const sets = gucs
    .filter(([, key]) => s[key] !== undefined)
    .map(([name, key]) => `set_config('${name}', ${client.escapeLiteral(String(s[key]))}, true)`);
  const mode = s.readOnly ? "READ ONLY" : "READ WRITE";
  return `BEGIN ISOLATION LEVEL READ COMMITTED ${mode}; SELECT ${sets.join(", ")}`;
}

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
  let released = false;
  try {
    await client.query(beginText(client, s));
    const db = new Db(client);
    const result = await work(db);
    if (result instanceof Rollback) {
      await client.query("ROLLBACK");
      return result.value;
    }
    if (s.readOnly) {
      // Nothing to make durable: answer now and release the connection when COMMIT is done.
      released = true;
      client.query("COMMIT").then(
        () => client.release(),
        (e: Error) => client.release(e),
      );
      return result;
    }
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    if (!released) client.release(broken);
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
