// authedProcedure: refuses requests without a verified user and gives the procedure a
// supabase-js client that forwards the user's own token, so Row Level Security decides.
import { createUserClient, type TypedSupabaseClient } from "@docket/supabase";
import { experimental_standaloneMiddleware, TRPCError } from "@trpc/server";
import { UserClientCache } from "../lib/user-client-cache.ts";
import type { ApiDeps, Context } from "../trpc.ts";

const cachesByDeps = new WeakMap<ApiDeps, UserClientCache<TypedSupabaseClient>>();

function userClientsFor(deps: ApiDeps): UserClientCache<TypedSupabaseClient> {
  let cache = cachesByDeps.get(deps);
  if (!cache) {
    cache = new UserClientCache({
      create: (accessToken) =>
        createUserClient({
          url: deps.supabaseUrl,
          publishableKey: deps.publishableKey,
          accessToken,
        }),
    });
    cachesByDeps.set(deps, cache);
  }
  return cache;
}

export const requireUser = experimental_standaloneMiddleware<{ ctx: Context }>().create(
  ({ ctx, next }) => {
    const { user, token } = ctx;
    if (!user || !token) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    }
    // Looked up on first use: a trivial procedure should not pay for a client it never uses.
    let client: TypedSupabaseClient | undefined;
    const supabase = (): TypedSupabaseClient => {
      client ??= userClientsFor(ctx.deps).get(token, user.exp);
      return client;
    };
    return next({ ctx: { user, token, supabase } });
  },
);
