/** RFC 4180 CSV: fields with a comma, quote or newline are quoted, inner quotes doubled. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

function field(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would make spreadsheet apps evaluate the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
