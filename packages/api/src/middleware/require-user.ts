// authedProcedure: refuses requests without a verified user and gives the procedure a
// supabase-js client that forwards the user's own token, so Row Level Security decides.
import { createUserClient, type TypedSupabaseClient } from "@docket/supabase";
import { experimental_standaloneMiddleware, TRPCError } from "@trpc/server";
import type { Context } from "../trpc.ts";

export const requireUser = experimental_standaloneMiddleware<{ ctx: Context }>().create(
  ({ ctx, next }) => {
    const { user, token } = ctx;
    if (!user || !token) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    }
    // Built on first use: a trivial procedure should not pay for a client it never uses.
    let client: TypedSupabaseClient | undefined;
    const supabase = (): TypedSupabaseClient => {
      client ??= createUserClient({
        url: ctx.deps.supabaseUrl,
        publishableKey: ctx.deps.publishableKey,
        accessToken: token,
      });
      return client;
    };
    return next({ ctx: { user, token, supabase } });
  },
);
