// Supabase Auth (GoTrue-compatible) behind the gateway's `/auth/v1` prefix. See README.md.
import type { Service } from "../gateway/service.ts";
import type { StackContext } from "../stack/context.ts";
import { clientInfo } from "./client-info.ts";
import type { AuthDeps } from "./deps.ts";
import { AuthError, sendError, toAuthError, wantsVersionedErrors } from "./errors.ts";
import { matchRoute } from "./router.ts";
import { routes } from "./routes.ts";
import { resolveAuthSettings } from "./settings.ts";

export function createAuthService(
  ctx: StackContext,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Service {
  const deps: AuthDeps = {
    pool: ctx.pools.admin,
    keys: ctx.keys,
    settings: resolveAuthSettings(ctx.config),
    mailbox: ctx.mailbox,
    authUrl: `${ctx.urls.api}/auth/v1`,
    log,
  };
  return {
    async handle({ req, res, path, url, authorization }) {
      try {
        const match = matchRoute(routes, req.method ?? "GET", path);
        if (match === null) throw new AuthError(404, "not_found", "Not Found");
        if (match === "method_not_allowed")
          throw new AuthError(405, "method_not_allowed", "Method Not Allowed");
        await match.handler(deps, {
          req,
          res,
          url,
          params: match.params,
          authorization,
          client: clientInfo(req),
        });
      } catch (error) {
        const versioned = wantsVersionedErrors(req.headers["x-supabase-api-version"]);
        sendError(res, toAuthError(error, deps.log), versioned);
      }
    },
  };
}
