// The parsed request: select tree, filters, logic trees, order and paging per embed path.

export interface JsonPathStep {
  arrow: "->" | "->>";
  key: string | number;
}

/** A column reference with an optional JSON path (`info->awards->>0`). */
export interface Field {
  name: string;
  path: JsonPathStep[];
}

export type SelectItem =
  | { kind: "star" }
  | { kind: "column"; field: Field; alias?: string; cast?: string }
  | {
      kind: "embed";
      name: string;
      alias?: string;
      hint?: string;
      inner: boolean;
      spread: boolean;
      select: SelectItem[];
    };

export type Operator =
  | "eq"
  | "neq"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "like"
  | "ilike"
  | "match"
  | "imatch"
  | "in"
  | "is"
  | "isdistinct"
  | "fts"
  | "plfts"
  | "phfts"
  | "wfts"
  | "cs"
  | "cd"
  | "ov"
  | "sl"
  | "sr"
  | "nxr"
  | "nxl"
  | "adj";

export interface Filter {
  kind: "filter";
  field: Field;
  negate: boolean;
  op: Operator;
  /** `(any)` / `(all)` modifiers. */
  quantifier?: "any" | "all";
  /** Text search configuration: `fts(english)`. */
  config?: string;
  /** The raw value; for `in` the list of elements; for `is` the lower-cased keyword. */
  value: string | string[];
}

export interface LogicTree {
  kind: "logic";
  op: "and" | "or";
  negate: boolean;
  children: Condition[];
}

export type Condition = Filter | LogicTree;

export interface OrderTerm {
  /** Related order: the embed (to-one) whose field orders the parent. */
  relation?: string;
  field: Field;
  direction?: "asc" | "desc";
  nulls?: "first" | "last";
}

/** Filters and modifiers aimed at one node of the select tree (root or an embed path). */
export interface NodeModifiers {
  conditions: Condition[];
  order?: OrderTerm[];
  limit?: number;
  offset?: number;
}

export interface ParsedQuery {
  select: SelectItem[];
  /** Keyed by the embed path joined with "." ("" = root). */
  nodes: Map<string, NodeModifiers>;
  columns?: string[];
  onConflict?: string[];
  /** RPC GET/HEAD: query params that are not filters (function arguments). */
  rpcArgs: [string, string][];
}
