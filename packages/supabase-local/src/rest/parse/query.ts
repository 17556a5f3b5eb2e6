// Splits the query string into select, columns, on_conflict, and per-embed-path filters, logic
// trees, order, limit and offset (spec §1.3). Keys are `embed.path.field` where the last segment
// decides what the parameter is.
import { parseError, rangeError } from "../errors.ts";
import { parseJsonPath } from "./field.ts";
import { looksLikeFilter, parseFilter } from "./filter.ts";
import { parseLogicTree } from "./logic.ts";
import { parseOrder } from "./order.ts";
import { Scanner } from "./scanner.ts";
import { parseSelect } from "./select.ts";
import type { Field, NodeModifiers, ParsedQuery } from "./types.ts";

export const pathSeparator = "\u0000";

export function parseQuery(params: URLSearchParams, isRpcRead: boolean): ParsedQuery {
  const query: ParsedQuery = { select: [{ kind: "star" }], nodes: new Map(), rpcArgs: [] };
  const node = (path: string[]): NodeModifiers => {
    const key = path.join(pathSeparator);
    let n = query.nodes.get(key);
    if (!n) {
      n = { conditions: [] };
      query.nodes.set(key, n);
    }
    return n;
  };
  for (const [key, value] of params) {
    if (key === "select") {
      const items = parseSelect(value);
      query.select = items.length ? items : [{ kind: "star" }];
      continue;
    }
    if (key === "columns") {
      query.columns = parseNameList(value, "columns");
      continue;
    }
    if (key === "on_conflict") {
      query.onConflict = parseNameList(value, "on_conflict");
      continue;
    }
    const { path, field } = parseKey(key);
    const last = field.path.length === 0 ? field.name : "";
    if (last === "order") node(path).order = parseOrder(value, key);
    else if (last === "limit") {
      const n = parseInteger(value, key);
      if (n < 0) throw rangeError("Limit should be greater than or equal to zero.");
      node(path).limit = n;
    } else if (last === "offset") {
      node(path).offset = Math.max(0, parseInteger(value, key));
    } else if (last === "or" || last === "and") {
      const negate = path.at(-1) === "not";
      const treePath = negate ? path.slice(0, -1) : path;
      node(treePath).conditions.push(parseLogicTree(last, negate, value, key));
    } else if (isRpcRead && path.length === 0 && !looksLikeFilter(value)) {
      query.rpcArgs.push([key, value]);
    } else {
      node(path).conditions.push(parseFilter(field, value, key));
    }
  }
  return query;
}

/** `a.b."c.d"->>x` → path [a, b] and field `c.d` with its JSON path. */
function parseKey(key: string): { path: string[]; field: Field } {
  const s = new Scanner(key, `query parameter (${key})`);
  const segments: string[] = [];
  for (;;) {
    segments.push(s.name());
    if (s.startsWith("->")) {
      const jsonPath = parseJsonPath(s);
      if (!s.done) throw s.fail("expecting end of the key");
      return {
        path: segments.slice(0, -1),
        field: { name: segments.at(-1) ?? "", path: jsonPath },
      };
    }
    if (s.done) break;
    s.expect(".");
  }
  return { path: segments.slice(0, -1), field: { name: segments.at(-1) ?? "", path: [] } };
}

function parseNameList(value: string, what: string): string[] {
  const s = new Scanner(value, what);
  const names: string[] = [];
  for (;;) {
    names.push(s.name());
    s.skipSpaces();
    if (s.done) return names;
    s.expect(",");
  }
}

function parseInteger(value: string, key: string): number {
  if (!/^-?\d{1,15}$/.test(value.trim())) {
    throw parseError(`${key} parameter (${value})`, "expecting an integer");
  }
  return Number(value.trim());
}
