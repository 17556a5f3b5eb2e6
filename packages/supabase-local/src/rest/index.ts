// The Data API at /rest/v1: PostgREST behaviour for @supabase/postgrest-js over a schema cache
// read from the catalogs. See README.md in this folder.
import type { Service } from "../gateway/service.ts";
import type { StackContext } from "../stack/context.ts";
import { RestError } from "./errors.ts";
import type { HandlerEnv } from "./handlers/env.ts";
import { identify } from "./jwt.ts";
import { fromDatabaseError, isDatabaseError } from "./pg-errors.ts";
import { listenForReload } from "./reload-listener.ts";
import { describeRequest } from "./request.ts";
import { errorResponse, type RestResponse, send } from "./response.ts";
import { route } from "./router.ts";
import { loadSchemaCache } from "./schema-cache/load.ts";
import type { SchemaCache } from "./schema-cache/types.ts";

export interface RestService extends Service {
  /** Re-reads the schema cache (after migrations, or on NOTIFY pgrst 'reload schema'). */
  reloadSchema(): Promise<void>;
}

export function createRestService(ctx: StackContext): RestService {
  const schemas = ctx.config.api.schemas;
  let cache: SchemaCache | undefined;
  let loading: Promise<void> | undefined;

  const reloadSchema = async () => {
    cache = await loadSchemaCache(ctx.pools.admin, schemas);
  };
  const ensureLoaded = async () => {
    if (cache) return cache;
    loading ??= reloadSchema().finally(() => {
      loading = undefined;
    });
    await loading;
    if (!cache)
      throw new RestError(
        503,
        "PGRST002",
        "Could not query the database for the schema cache. Retrying.",
      );
    return cache;
  };
  const listener = listenForReload(ctx.pools.admin, reloadSchema);

  return {
    reloadSchema,
    async handle({ req, res, path, url, authorization }) {
      const method = (req.method ?? "GET").toUpperCase();
      let isAnon = true;
      let response: RestResponse;
      try {
        const identity = await identify(ctx.keys, authorization);
        isAnon = identity.isAnon;
        const env: HandlerEnv = {
          cache: await ensureLoaded(),
          pool: ctx.pools.authenticator,
          maxRows: ctx.config.api.max_rows,
          extraSearchPath: ctx.config.api.extra_search_path,
        };
        response = await route(env, describeRequest(req, path, url, identity, schemas));
      } catch (err) {
        response = errorResponse(toRestError(err, isAnon));
      }
      send(res, response, method === "HEAD");
    },
    async close() {
      await listener.close();
    },
  };
}

function toRestError(err: unknown, isAnon: boolean): RestError {
  if (err instanceof RestError) return err;
  if (isDatabaseError(err)) return fromDatabaseError(err, isAnon);
  return new RestError(500, "PGRSTX00", err instanceof Error ? err.message : String(err));
}
