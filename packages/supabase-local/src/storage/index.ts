// The Storage API served at /storage/v1 (the gateway strips the prefix). See README.md.
import type { Service } from "../gateway/service.ts";
import type { StackContext } from "../stack/context.ts";
import { createBlobStore } from "./blobs.ts";
import { createDb } from "./db.ts";
import type { StorageDeps } from "./handler-context.ts";
import { serviceIdentity } from "./identity.ts";
import { parseConfigSize } from "./limits.ts";
import { createBlobPaths } from "./paths.ts";
import { createRouter } from "./router.ts";
import { routes } from "./routes.ts";

/** Signed upload URLs live two hours, as with the Supabase CLI and hosted projects. */
const SIGNED_UPLOAD_EXPIRES_IN = 7200;

export function createStorageService(
  ctx: StackContext,
  options: { log?: (line: string) => void } = {},
): Service {
  const deps: StorageDeps = {
    keys: ctx.keys,
    db: createDb(ctx.pools.authenticator),
    blobs: createBlobStore(createBlobPaths(ctx.dataDir)),
    service: serviceIdentity(ctx.keys),
    globalLimit: parseConfigSize(ctx.config.storage.file_size_limit),
    signedUploadExpiresIn: SIGNED_UPLOAD_EXPIRES_IN,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
  return { handle: createRouter(routes, deps) };
}
