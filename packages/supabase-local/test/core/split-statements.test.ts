import { describe, expect, it } from "vitest";
import { splitStatements } from "../../src/db/split-statements.ts";

describe("splitStatements", () => {
  it("splits on top-level semicolons and drops empty and comment-only parts", () => {
    expect(splitStatements("create table a (id int);\n-- note\n;select 1;  ")).toEqual([
      "create table a (id int)",
      "select 1",
    ]);
  });

  it("keeps semicolons inside strings, quoted identifiers, comments and dollar-quoted bodies", () => {
    const sql = `insert into t values ('a;b', E'it\\'s;');
create table "x;y" (v text); /* a; /* nested; */ b; */
create function f() returns int language plpgsql as $body$ begin return 1; end $body$;
do $$ begin perform 1; end $$;`;
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(4);
    expect(statements[0]).toBe("insert into t values ('a;b', E'it\\'s;')");
    expect(statements[2]).toContain("begin return 1; end $body$");
    expect(statements[3]).toBe("do $$ begin perform 1; end $$");
  });

  it("does not take positional parameters for dollar quotes", () => {
    expect(splitStatements("select $1; select $2")).toEqual(["select $1", "select $2"]);
  });
});
