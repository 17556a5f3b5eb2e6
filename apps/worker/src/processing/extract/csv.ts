import { parse } from "csv-parse/sync";
import { DocumentError } from "../errors.ts";
import { decodeUtf8 } from "./decode.ts";
import type { Extracted } from "./types.ts";

/** CSV through a real parser (quotes, embedded commas and newlines); rendered as a Markdown table. */
export function extractCsv(bytes: Uint8Array): Extracted {
  let rows: string[][];
  try {
    rows = parse(decodeUtf8(bytes), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new DocumentError(`The CSV file could not be parsed: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header) return { text: "", markdown: "", units: { rows: 0 } };
  const width = Math.max(...rows.map((row) => row.length));
  const pad = (row: string[]) => Array.from({ length: width }, (_, i) => cell(row[i] ?? ""));
  const lines = [
    `| ${pad(header).join(" | ")} |`,
    `| ${Array.from({ length: width }, () => "---").join(" | ")} |`,
    ...body.map((row) => `| ${pad(row).join(" | ")} |`),
  ];
  const text = rows.map((row) => `${row.filter(Boolean).join(", ")}.`).join("\n");
  return { text, markdown: lines.join("\n"), units: { rows: body.length } };
}

function cell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}
