import { describe, expect, it } from "vitest";
import type { PgType, SchemaInfo } from "../src/codegen/introspect.ts";
import { renderDatabaseTypes } from "../src/codegen/render.ts";

// A hand-built catalogue: the renderer is pure, so its rules are checked without a database.
const types = new Map<number, PgType>(
  (
    [
      [16, "bool", "b", "B", 0, null],
      [20, "int8", "b", "N", 0, null],
      [25, "text", "b", "S", 0, null],
      [2950, "uuid", "b", "U", 0, null],
      [2951, "_uuid", "b", "A", 2950, null],
      [3802, "jsonb", "b", "U", 0, null],
      [2278, "void", "p", "P", 0, null],
      [90001, "notes", "c", "C", 0, "notes"],
      [90002, "mood", "e", "E", 0, null],
    ] as const
  ).map(([oid, name, type, category, elementOid, relationName]) => [
    oid,
    {
      oid,
      name,
      schema: oid >= 90000 ? "public" : "pg_catalog",
      type,
      category,
      elementOid,
      relationName,
      baseTypeOid: 0,
    },
  ]),
);

const info: SchemaInfo = {
  schema: "public",
  types,
  enums: [{ name: "mood", values: ["happy", "sad"] }],
  relations: [
    {
      name: "notes",
      kind: "table",
      columns: [
        {
          name: "id",
          typeOid: 20,
          nullable: false,
          hasDefault: false,
          identity: "a",
          generated: "",
        },
        {
          name: "owner",
          typeOid: 2950,
          nullable: false,
          hasDefault: false,
          identity: "",
          generated: "",
        },
        {
          name: "body",
          typeOid: 25,
          nullable: true,
          hasDefault: false,
          identity: "",
          generated: "",
        },
        {
          name: "meta",
          typeOid: 3802,
          nullable: false,
          hasDefault: true,
          identity: "",
          generated: "",
        },
        {
          name: "mood",
          typeOid: 90002,
          nullable: false,
          hasDefault: false,
          identity: "",
          generated: "",
        },
        {
          name: "size",
          typeOid: 20,
          nullable: true,
          hasDefault: false,
          identity: "",
          generated: "s",
        },
      ],
    },
  ],
  foreignKeys: [
    {
      name: "notes_owner_fkey",
      table: "notes",
      columns: ["owner"],
      referencedSchema: "auth",
      referencedTable: "users",
      referencedColumns: ["id"],
      oneToOne: false,
    },
  ],
  functions: [
    {
      name: "archive",
      returnsSet: true,
      returnTypeOid: 90001,
      args: [
        { name: "p_ids", typeOid: 2951, optional: false },
        { name: "p_flag", typeOid: 16, optional: true },
      ],
      outColumns: [],
    },
    { name: "ping", returnsSet: false, returnTypeOid: 2278, args: [], outColumns: [] },
  ],
};

const source = renderDatabaseTypes(info);

describe("renderDatabaseTypes", () => {
  it("types rows with nullability and enums by reference", () => {
    expect(source).toContain("body: string | null;");
    expect(source).toContain('mood: Database["public"]["Enums"]["mood"];');
    expect(source).toContain('mood: "happy" | "sad";');
  });

  it("makes defaulted and nullable columns optional on insert and forbids generated ones", () => {
    const insert = source.slice(source.indexOf("Insert: {"), source.indexOf("Update: {"));
    expect(insert).toContain("id?: never;");
    expect(insert).toContain("owner: string;");
    expect(insert).toContain("meta?: Json;");
    expect(insert).toContain("size?: never;");
  });

  it("leaves out relationships to other schemas, which the Data API cannot embed", () => {
    expect(source).not.toContain("notes_owner_fkey");
  });

  it("types functions: optional defaulted args, setof table returns, no-arg functions", () => {
    expect(source).toContain("p_ids: string[];");
    expect(source).toContain("p_flag?: boolean;");
    expect(source).toContain('Returns: Database["public"]["Tables"]["notes"]["Row"][];');
    expect(source).toContain(
      'SetofOptions: { from: "*"; to: "notes"; isOneToOne: false; isSetofReturn: true };',
    );
    expect(source).toMatch(/ping: \{\n\s+Args: never;\n\s+Returns: undefined;/);
  });
});
