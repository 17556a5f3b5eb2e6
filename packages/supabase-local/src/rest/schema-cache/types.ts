// What the schema cache knows about the exposed schemas. Everything the SQL builders put into
// SQL as an identifier comes from here, never from the request.

export interface Column {
  name: string;
  /** `format_type()` of the column, e.g. `integer`, `text[]`, `jsonb`. */
  type: string;
  /** True for json/jsonb (JSON path operators apply directly; other types go through to_jsonb). */
  isJson: boolean;
  isTsvector: boolean;
  nullable: boolean;
  hasDefault: boolean;
}

export type RelationKind = "table" | "view" | "composite";

export interface Relation {
  schema: string;
  name: string;
  kind: RelationKind;
  columns: Column[];
  columnsByName: Map<string, Column>;
  primaryKey: string[];
  /** Primary key and unique constraints, each as its column list. */
  uniqueKeys: string[][];
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
}

export type Cardinality = "many-to-one" | "one-to-many" | "one-to-one" | "many-to-many";

/** A usable join from `source` to `target` (both relations of exposed schemas). */
export interface Relationship {
  cardinality: Cardinality;
  source: Relation;
  target: Relation;
  /** FK constraint name (for many-to-many: the name of the junction table). */
  constraint: string;
  /** Paired columns: `source.sourceColumns[i]` joins `target.targetColumns[i]` (not for m2m). */
  sourceColumns: string[];
  targetColumns: string[];
  /** True when the foreign key is declared on `source` (many-to-one, or that side of one-to-one). */
  fkOnSource: boolean;
  /** Many-to-many only: the junction and how it joins each side. */
  junction?: {
    relation: Relation;
    sourceConstraint: string;
    targetConstraint: string;
    /** junction.junctionSource[i] = source.sourceColumns[i]; junction.junctionTarget[i] = target.targetColumns[i] */
    junctionSource: string[];
    junctionTarget: string[];
  };
}

export interface FunctionParam {
  name: string;
  type: string;
  hasDefault: boolean;
  variadic: boolean;
}

export type ReturnShape =
  | { kind: "void" }
  | { kind: "scalar"; type: string }
  | { kind: "composite"; relation: Relation };

export interface DbFunction {
  schema: string;
  name: string;
  params: FunctionParam[];
  returns: ReturnShape;
  returnsSet: boolean;
  volatility: "immutable" | "stable" | "volatile";
}

export interface SchemaCache {
  schemas: string[];
  relation(schema: string, name: string): Relation | undefined;
  relationships(source: Relation): Relationship[];
  functions(schema: string, name: string): DbFunction[];
  allFunctionNames(schema: string): string[];
}
