// Regenerates src/database.gen.ts from the live schema.
//   node scripts/gen-types.ts                 start a throwaway supabase-local stack (applies
//                                             supabase/migrations) and read its schema
//   node scripts/gen-types.ts --db-url <url>  read an already running database instead
//   node scripts/gen-types.ts --check         fail if the committed file is out of date
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateDatabaseTypes } from "../src/codegen/index.ts";

const outFile = new URL("../src/database.gen.ts", import.meta.url);

const { values } = parseArgs({
  options: {
    "db-url": { type: "string" },
    schema: { type: "string", default: "public" },
    check: { type: "boolean", default: false },
  },
});

async function withDatabaseUrl<T>(run: (dbUrl: string) => Promise<T>): Promise<T> {
  const given = values["db-url"];
  if (given) return run(given);
  const { startTestStack } = await import("@docket/supabase-local/testing");
  const stack = await startTestStack();
  try {
    return await run(stack.dbUrl);
  } finally {
    await stack.stop();
  }
}

const source = await withDatabaseUrl(async (dbUrl) => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return await generateDatabaseTypes(client, values.schema);
  } finally {
    await client.end();
  }
});

if (values.check) {
  const current = await readFile(outFile, "utf8").catch(() => "");
  if (current !== source) {
    console.error(
      "src/database.gen.ts is out of date: run `pnpm --filter @docket/supabase gen-types`",
    );
    process.exitCode = 1;
  } else {
    console.log("src/database.gen.ts is up to date");
  }
} else {
  await writeFile(outFile, source);
  console.log(`wrote ${outFile.pathname}`);
}
