// Several statements in one extended-protocol exchange closed by a single Sync: PostgreSQL
// binds and executes them in order and answers once. pg's pipeline mode ends every statement
// with its own Sync, so BEGIN, settings, statement and COMMIT cost four answers, four flushes
// and four wake-ups of each side; here they cost one. Built as a pg `Submittable`, the hook pg
// offers for custom protocol flows. After the first error PostgreSQL skips the rest up to the
// Sync, so statements after a failed one never run.
import pg from "pg";
import type { Statement } from "./sql/text.ts";

/** A result row as PostgreSQL writes it in text format: no type parsing. */
export type Row = Record<string, string | null>;

/** The parts of pg's Connection a custom flow writes to (the messages of the extended protocol). */
interface Wire {
  stream: { cork(): void; uncork(): void };
  close(msg: { type: "S"; name: string }): void;
  parse(msg: { name: string; text: string }): void;
  bind(msg: { statement: string; values: (string | Buffer | null)[] }): void;
  describe(msg: { type: "P"; name: string }): void;
  execute(msg: { portal: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

// pg's own conversion of JS values to parameters (arrays, dates, JSON, buffers), so values bind
// exactly as they do through `client.query`.
const prepareValue = (
  pg as unknown as { utils: { prepareValue(v: unknown): string | Buffer | null } }
).utils.prepareValue;

// Named prepared statements, keyed by SQL text. Bounded: hostile or one-off queries beyond the
// limit run unnamed so no connection accumulates plans without end.
const statementNames = new Map<string, string>();
const maxNamedStatements = 500;
// The names each connection has prepared, known from batches that completed without error.
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

function nameFor(text: string): string {
  let name = statementNames.get(text);
  if (!name && statementNames.size < maxNamedStatements) {
    name = `pgrst_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name ?? "";
}

/** Runs `statements` in order in one round trip; resolves with the rows of the last one (only
 * it is described, so PostgreSQL sends no row description for the others). */
export function runBatch(client: pg.PoolClient, statements: Statement[]): Promise<Row[]> {
  let prepared = preparedOn.get(client);
  if (!prepared) {
    prepared = new Set();
    preparedOn.set(client, prepared);
  }
  const known = prepared;
  return new Promise((resolve, reject) => {
    const batch = new Batch(statements, known, resolve, reject);
    client.query(batch as unknown as pg.Submittable);
  });
}

class Batch {
  private completed = 0;
  private fields: string[] = [];
  private readonly rows: Row[] = [];
  private readonly names: string[];
  private readonly statements: Statement[];
  private readonly values: (string | Buffer | null)[][];
  private readonly prepared: Set<string>;
  private readonly resolve: (rows: Row[]) => void;
  private readonly reject: (err: Error) => void;

  constructor(
    statements: Statement[],
    prepared: Set<string>,
    resolve: (rows: Row[]) => void,
    reject: (err: Error) => void,
  ) {
    this.statements = statements;
    this.prepared = prepared;
    this.resolve = resolve;
    this.reject = reject;
    this.names = statements.map((s) => nameFor(s.text));
    // Converted before anything is written: a value that cannot be sent fails the batch while
    // the connection is still clean (a half-written batch without its Sync would hang it).
    this.values = statements.map((s) => s.values.map(prepareValue));
  }

  submit(connection: Wire): void {
    connection.stream.cork();
    try {
      const last = this.statements.length - 1;
      this.statements.forEach((s, i) => {
        const name = this.names[i] ?? "";
        if (!name || !this.prepared.has(name)) {
          // A batch that failed may have left this name prepared or not; closing a name that
          // does not exist is no error, so Close + Parse is right either way.
          if (name) connection.close({ type: "S", name });
          connection.parse({ name, text: s.text });
        }
        connection.bind({ statement: name, values: this.values[i] ?? [] });
        if (i === last) connection.describe({ type: "P", name: "" });
        connection.execute({ portal: "" });
      });
      connection.sync();
    } finally {
      connection.stream.uncork();
    }
  }

  handleRowDescription(msg: { fields: { name: string }[] }): void {
    this.fields = msg.fields.map((f) => f.name);
  }

  handleDataRow(msg: { fields: (string | null)[] }): void {
    if (this.completed < this.statements.length - 1) return;
    const row: Row = {};
    msg.fields.forEach((value, i) => {
      row[this.fields[i] ?? String(i)] = value;
    });
    this.rows.push(row);
  }

  handleCommandComplete(): void {
    this.completed++;
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete();
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: Wire): void {
    connection.sendCopyFail("COPY FROM STDIN is not supported here");
  }

  handleCopyData(): void {}

  /** pg forgets the active query after an error: no ReadyForQuery reaches this batch then. */
  handleError(err: Error): void {
    this.reject(err);
  }

  handleReadyForQuery(): void {
    for (const name of this.names) if (name) this.prepared.add(name);
    this.resolve(this.rows);
  }
}
