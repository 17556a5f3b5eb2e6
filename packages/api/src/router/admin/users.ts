import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { toTRPCError } from "../../errors.ts";
import { decorateUsers, getAuthUser, listAuthUsers } from "../../lib/admin-users.ts";
import { removeFilesUnder } from "../../lib/storage-files.ts";
import { banUserInput, listUsersInput, userIdInput } from "../../schemas/admin-users.ts";
import { adminProcedure } from "../../trpc.ts";

// Admins may not act on their own account here: one slip must not lock the last admin out.
function refuseSelf(actorId: string, userId: string, action: string): void {
  if (actorId === userId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `You cannot ${action} your own account` });
  }
}

const RECENT = 50;
const DOCUMENT_COLUMNS = "id, title, source, file_name, size_bytes, status, created_at, updated_at";

export const adminUsersRouter = {
  list: adminProcedure.input(listUsersInput).query(async ({ ctx, input }) => {
    const { users, total } = await listAuthUsers(ctx, input);
    return {
      items: await decorateUsers(ctx, users),
      total,
      page: input.page,
      perPage: input.perPage,
    };
  }),

  get: adminProcedure.input(userIdInput).query(async ({ ctx, input }) => {
    const user = await getAuthUser(ctx, input.userId);
    const [view] = await decorateUsers(ctx, [user]);
    const [documents, jobs] = await Promise.all([
      ctx.admin
        .from("documents")
        .select(DOCUMENT_COLUMNS, { count: "exact" })
        .eq("owner_id", input.userId)
        .order("created_at", { ascending: false })
        .limit(RECENT),
      ctx.admin
        .from("jobs")
        .select("*", { count: "exact" })
        .eq("owner_id", input.userId)
        .order("created_at", { ascending: false })
        .limit(RECENT),
    ]);
    if (documents.error) throw toTRPCError(ctx, "admin.users.get documents", documents.error);
    if (jobs.error) throw toTRPCError(ctx, "admin.users.get jobs", jobs.error);
    return {
      user: view,
      documents: { items: documents.data, total: documents.count ?? 0 },
      jobs: { items: jobs.data, total: jobs.count ?? 0 },
    };
  }),

  grantAdmin: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    await getAuthUser(ctx, input.userId);
    const { error } = await ctx.admin
      .from("user_roles")
      .upsert(
        { user_id: input.userId, role: "admin", granted_by: ctx.user.sub },
        { onConflict: "user_id,role", ignoreDuplicates: true },
      );
    if (error) throw toTRPCError(ctx, "admin.users.grantAdmin", error);
    return { userId: input.userId, isAdmin: true };
  }),

  revokeAdmin: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    refuseSelf(ctx.user.sub, input.userId, "revoke admin from");
    const { data, error } = await ctx.admin
      .from("user_roles")
      .delete()
      .eq("user_id", input.userId)
      .eq("role", "admin")
      .select("user_id");
    if (error) throw toTRPCError(ctx, "admin.users.revokeAdmin", error);
    return { userId: input.userId, isAdmin: false, count: data.length };
  }),

  ban: adminProcedure.input(banUserInput).mutation(async ({ ctx, input }) => {
    refuseSelf(ctx.user.sub, input.userId, "ban");
    await getAuthUser(ctx, input.userId);
    const { data, error } = await ctx.admin.auth.admin.updateUserById(input.userId, {
      ban_duration: `${input.hours}h`,
    });
    if (error) throw toTRPCError(ctx, "admin.users.ban", error);
    return { userId: input.userId, bannedUntil: data.user.banned_until ?? null };
  }),

  unban: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    await getAuthUser(ctx, input.userId);
    const { error } = await ctx.admin.auth.admin.updateUserById(input.userId, {
      ban_duration: "none",
    });
    if (error) throw toTRPCError(ctx, "admin.users.unban", error);
    return { userId: input.userId, bannedUntil: null };
  }),

  // Files first (Storage rows have no foreign key to the user), then the account, whose
  // deletion cascades to every row Docket keeps about them.
  delete: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    refuseSelf(ctx.user.sub, input.userId, "delete");
    await getAuthUser(ctx, input.userId);
    const files = await removeFilesUnder(ctx.admin, input.userId);
    if (files.error) throw toTRPCError(ctx, "admin.users.delete files", files.error);
    const { error } = await ctx.admin.auth.admin.deleteUser(input.userId);
    if (error) throw toTRPCError(ctx, "admin.users.delete", error);
    return { userId: input.userId, filesRemoved: files.removed };
  }),
} satisfies TRPCRouterRecord;
