// Splits a SQL file into statements the way `supabase_migrations.schema_migrations.statements`
// stores them: on top-level semicolons, respecting quotes, dollar-quoted bodies and comments.

export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === "-" && next === "-") {
      i = endOfLine(sql, i);
    } else if (ch === "/" && next === "*") {
      i = endOfBlockComment(sql, i);
    } else if (ch === "'" || ch === '"') {
      i = endOfQuoted(sql, i, ch);
    } else if (ch === "$") {
      i = endOfDollarQuoted(sql, i);
    } else if (ch === ";") {
      pushTrimmed(statements, sql.slice(start, i));
      start = i + 1;
      i += 1;
    } else {
      i += 1;
    }
  }
  pushTrimmed(statements, sql.slice(start));
  return statements;
}

function pushTrimmed(out: string[], text: string): void {
  const trimmed = text.trim();
  if (trimmed && !isOnlyComments(trimmed)) out.push(trimmed);
}

function isOnlyComments(text: string): boolean {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() === "";
}

function endOfLine(sql: string, i: number): number {
  const end = sql.indexOf("\n", i);
  return end === -1 ? sql.length : end + 1;
}

/** Postgres block comments nest. */
function endOfBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql[j] === "/" && sql[j + 1] === "*") {
      depth += 1;
      j += 2;
    } else if (sql[j] === "*" && sql[j + 1] === "/") {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else {
      j += 1;
    }
  }
  return sql.length;
}

/** A doubled quote inside the literal escapes it; so does a backslash in E'…' strings. */
function endOfQuoted(sql: string, i: number, quote: string): number {
  const escapeString =
    quote === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/\w/.test(sql[i - 2] ?? "");
  let j = i + 1;
  while (j < sql.length) {
    if (escapeString && sql[j] === "\\") {
      j += 2;
    } else if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else {
      j += 1;
    }
  }
  return sql.length;
}

function endOfDollarQuoted(sql: string, i: number): number {
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
  // `$1` parameters and `$` inside identifiers are not quotes.
  if (!tag || /\w/.test(sql[i - 1] ?? "")) return i + 1;
  const close = sql.indexOf(tag[0], i + tag[0].length);
  return close === -1 ? sql.length : close + tag[0].length;
}
