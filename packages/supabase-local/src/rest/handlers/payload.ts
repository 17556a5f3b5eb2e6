// Request bodies for writes (spec §1.4): JSON object or array, CSV, or a form; the column list
// comes from `?columns=` or the keys of the payload, and every name must be a known column.
import { bodyError, RestError, unknownPayloadColumn } from "../errors.ts";
import type { RestRequest } from "../request.ts";
import type { Relation } from "../schema-cache/types.ts";
import { parseCsv } from "./csv-body.ts";

export interface Payload {
  rows: Record<string, unknown>[];
  isArray: boolean;
  /** JSON text handed to PostgreSQL as is (so big numbers keep their digits). */
  json: string;
}

export function parsePayload(r: RestRequest): Payload {
  const type = (r.req.headers["content-type"] ?? "application/json")
    .split(";")[0]
    ?.trim()
    .toLowerCase();
  const text = r.body?.toString("utf8") ?? "";
  if (type === "text/csv") {
    const rows = parseCsv(text);
    return { rows, isArray: true, json: JSON.stringify(rows) };
  }
  if (type === "application/x-www-form-urlencoded") {
    const row = Object.fromEntries(new URLSearchParams(text));
    return { rows: [row], isArray: false, json: JSON.stringify(row) };
  }
  if (type !== "application/json" && type !== "*/*" && type !== "") {
    throw bodyError(`Content-Type not acceptable: ${type}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bodyError("Empty or invalid json");
  }
  if (Array.isArray(parsed)) {
    if (!parsed.every(isObject)) throw bodyError("All object keys must match");
    return { rows: parsed, isArray: true, json: text };
  }
  if (!isObject(parsed)) throw bodyError("Empty or invalid json");
  return { rows: [parsed], isArray: false, json: text };
}

/** The columns a write touches: `?columns=` (checked) or the uniform key set of the rows. */
export function payloadColumns(
  payload: Payload,
  columnsParam: string[] | undefined,
  relation: Relation,
): string[] {
  let columns: string[];
  if (columnsParam) {
    columns = columnsParam;
  } else {
    const first = payload.rows[0];
    columns = first ? Object.keys(first) : [];
    const sorted = [...columns].sort().join("\u0000");
    for (const row of payload.rows) {
      if (Object.keys(row).sort().join("\u0000") !== sorted) {
        throw bodyError("All object keys must match");
      }
    }
  }
  for (const c of columns) {
    if (!relation.columnsByName.has(c)) throw unknownPayloadColumn(relation.name, c);
  }
  return columns;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function requireWritable(
  relation: Relation,
  what: "insertable" | "updatable" | "deletable",
) {
  if (relation.kind === "view" && !relation[what]) {
    throw new RestError(405, "PGRST105", `The view '${relation.name}' is not ${what}`);
  }
}
