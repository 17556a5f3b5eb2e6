import type { Client } from "pg";
import { introspectSchema } from "./introspect.ts";
import { renderDatabaseTypes } from "./render.ts";

/** The `Database` type source for one schema of the database `db` is connected to. */
export async function generateDatabaseTypes(db: Client, schema = "public"): Promise<string> {
  return renderDatabaseTypes(await introspectSchema(db, schema));
}
