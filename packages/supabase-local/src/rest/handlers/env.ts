// What handlers share: the loaded schema cache, the authenticator pool and the API settings.
import type pg from "pg";
import type { SchemaCache } from "../schema-cache/types.ts";

export interface HandlerEnv {
  cache: SchemaCache;
  pool: pg.Pool;
  maxRows: number;
  extraSearchPath: string[];
}
