import { readFile } from "node:fs/promises";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { generateDatabaseTypes } from "../src/codegen/index.ts";

it("the committed Database types match the schema the migrations build", async () => {
  const client = new pg.Client({ connectionString: inject("stack").dbUrl });
  await client.connect();
  try {
    const generated = await generateDatabaseTypes(client);
    const committed = await readFile(new URL("../src/database.gen.ts", import.meta.url), "utf8");
    // On failure: run `pnpm --filter @docket/supabase gen-types` and commit the result.
    expect(committed).toBe(generated);
  } finally {
    await client.end();
  }
});
