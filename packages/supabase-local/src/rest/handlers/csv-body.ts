// CSV request bodies: first line = column names, `NULL` = SQL null, quoted fields may hold
// commas, quotes ("") and newlines; every line must have as many fields as the header.
import { bodyError } from "../errors.ts";

export function parseCsv(text: string): Record<string, unknown>[] {
  const lines = splitRecords(text);
  const header = lines.shift();
  if (!header) return [];
  return lines.map((fields) => {
    if (fields.length !== header.length)
      throw bodyError("All lines must have same number of fields");
    const row: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const v = fields[i];
      row[name.value] = v && !v.quoted && v.value === "NULL" ? null : (v?.value ?? null);
    });
    return row;
  });
}

interface CsvField {
  value: string;
  quoted: boolean;
}

function splitRecords(text: string): CsvField[][] {
  const records: CsvField[][] = [];
  let fields: CsvField[] = [];
  let value = "";
  let quoted = false;
  let inQuotes = false;
  const endField = () => {
    fields.push({ value, quoted });
    value = "";
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else value += ch;
    } else if (ch === '"') {
      inQuotes = true;
      quoted = true;
    } else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      records.push(fields);
      fields = [];
    } else value += ch;
  }
  if (value !== "" || quoted || fields.length > 0) {
    endField();
    records.push(fields);
  }
  return records;
}
