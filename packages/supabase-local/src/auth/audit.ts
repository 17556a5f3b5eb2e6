// auth.audit_log_entries rows as GoTrue writes them: who (actor id and e-mail), what (action,
// log_type) and details (traits), from which address.
import type { Db } from "./db.ts";

export type AuditAction =
  | "login"
  | "logout"
  | "token_refreshed"
  | "user_signedup"
  | "user_modified"
  | "user_deleted"
  | "user_recovery_requested"
  | "user_invited";

const LOG_TYPE: Record<AuditAction, string> = {
  login: "account",
  logout: "account",
  token_refreshed: "token",
  user_signedup: "team",
  user_modified: "user",
  user_deleted: "team",
  user_recovery_requested: "user",
  user_invited: "team",
};

export async function audit(
  db: Db,
  userId: string,
  action: AuditAction,
  traits: Record<string, unknown> = {},
  ip: string | null = null,
): Promise<void> {
  await db.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(),
       json_build_object('actor_id', u.id, 'actor_username', coalesce(u.email, ''), 'actor_via_sso', false,
         'action', $2::text, 'log_type', $3::text, 'traits', $4::jsonb),
       clock_timestamp(), coalesce($5, '')
     from auth.users u where u.id = $1`,
    [userId, action, LOG_TYPE[action], traits, ip],
  );
}
