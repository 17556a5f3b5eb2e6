// Writes one audit_log row for every admin mutation that succeeds: who, what, on what, with
// which input, under which request id. Queries are not audited (they change nothing).
import type { AccessClaims } from "@docket/auth";
import type { Json, TypedSupabaseClient } from "@docket/supabase";
import { experimental_standaloneMiddleware } from "@trpc/server";
import { auditTargetOf, outcomeOf, summarizeForAudit } from "../lib/audit-details.ts";
import type { Context, Meta } from "../trpc.ts";

export const auditAdminMutation = experimental_standaloneMiddleware<{
  ctx: Context & { user: AccessClaims; admin: TypedSupabaseClient };
  meta: Meta;
}>().create(async ({ ctx, type, path, meta, getRawInput, next }) => {
  const result = await next();
  if (type !== "mutation" || !result.ok) return result;

  const input: unknown = await getRawInput().catch(() => undefined);
  const target = auditTargetOf(input, result.data);
  const { error } = await ctx.admin.from("audit_log").insert({
    actor_id: ctx.user.sub,
    action: meta?.auditAction ?? path,
    target_type: target.type,
    target_id: target.id,
    details: summarizeForAudit({ input, outcome: outcomeOf(result.data) }) as Json,
    request_id: ctx.requestId,
  });
  if (error) {
    // The action already happened; failing the call now would make the caller retry it.
    ctx.logger.error(
      { requestId: ctx.requestId, path, code: error.code, err: error.message },
      "audit_log write failed",
    );
  }
  return result;
});
