// Reads for admin.users: Auth admin API for accounts, secret-key queries for what Docket keeps.
import type { TypedSupabaseClient } from "@docket/supabase";
import type { User } from "@supabase/supabase-js";
import { notFound, toTRPCError } from "../errors.ts";
import type { Context } from "../trpc.ts";
import { type AdminUserView, adminUserView } from "./admin-user-view.ts";
import { containsPattern, quotedTreeValue } from "./like-pattern.ts";

type AdminContext = Context & { admin: TypedSupabaseClient };

/** Adds display names and admin flags to Auth users (two queries for the whole page). */
export async function decorateUsers(ctx: AdminContext, users: User[]): Promise<AdminUserView[]> {
  const ids = users.map((user) => user.id);
  if (ids.length === 0) return [];
  const [profiles, roles] = await Promise.all([
    ctx.admin.from("profiles").select("id, display_name").in("id", ids),
    ctx.admin.from("user_roles").select("user_id").eq("role", "admin").in("user_id", ids),
  ]);
  if (profiles.error) throw toTRPCError(ctx, "admin.users profiles", profiles.error);
  if (roles.error) throw toTRPCError(ctx, "admin.users roles", roles.error);
  const names = new Map(profiles.data.map((row) => [row.id, row.display_name]));
  const admins = new Set(roles.data.map((row) => row.user_id));
  return users.map((user) =>
    adminUserView(user, { displayName: names.get(user.id) ?? null, isAdmin: admins.has(user.id) }),
  );
}

export async function getAuthUser(ctx: AdminContext, userId: string): Promise<User> {
  const { data, error } = await ctx.admin.auth.admin.getUserById(userId);
  if (error) {
    if (error.status === 404) throw notFound("User");
    throw toTRPCError(ctx, "admin.users getUserById", error);
  }
  return data.user;
}

/** A page of Auth users, optionally only those whose email or name contains `search`. */
export async function listAuthUsers(
  ctx: AdminContext,
  input: { search?: string | undefined; page: number; perPage: number },
): Promise<{ users: User[]; total: number }> {
  if (!input.search) {
    const { data, error } = await ctx.admin.auth.admin.listUsers({
      page: input.page,
      perPage: input.perPage,
    });
    if (error) throw toTRPCError(ctx, "admin.users listUsers", error);
    return { users: data.users, total: data.total ?? data.users.length };
  }
  // Auth's list cannot search through supabase-js, so profiles (mirrored from auth.users by
  // trigger) find the ids and Auth supplies the accounts.
  const pattern = quotedTreeValue(containsPattern(input.search));
  const from = (input.page - 1) * input.perPage;
  const { data, error, count } = await ctx.admin
    .from("profiles")
    .select("id", { count: "exact" })
    .or(`email.ilike.${pattern},display_name.ilike.${pattern}`)
    .order("created_at", { ascending: false })
    .range(from, from + input.perPage - 1);
  if (error) throw toTRPCError(ctx, "admin.users search", error);
  const users = await Promise.all(data.map((row) => getAuthUser(ctx, row.id)));
  return { users, total: count ?? users.length };
}
