// Turns a Postgres error raised by a SQL file into one line with the file, line and reason.

interface PgErrorFields {
  message?: string;
  position?: string;
  detail?: string;
}

export function describeSqlError(error: unknown, file: string, sql: string): string {
  const fields = (typeof error === "object" && error ? error : {}) as PgErrorFields;
  const message = fields.message ?? String(error);
  const offset = Number.parseInt(fields.position ?? "", 10);
  const where = Number.isInteger(offset) ? `:${lineOf(sql, offset - 1)}` : "";
  const detail = fields.detail ? ` (${fields.detail})` : "";
  return `${file}${where}: ${message}${detail}`;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i += 1) if (text[i] === "\n") line += 1;
  return line;
}
