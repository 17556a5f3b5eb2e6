// Audit log filters in the query string (?action=…&actor=…&target=…&window=24h&page=2), turned
// into admin.audit.list input. Unknown values are dropped, not sent.
import type { AuditListInput } from "../lib/api-types.ts";

/** Every admin mutation the server audits, by the path it records as the action. */
export const AUDITED_ACTIONS = [
  "admin.users.grantAdmin",
  "admin.users.revokeAdmin",
  "admin.users.ban",
  "admin.users.unban",
  "admin.users.delete",
  "admin.jobs.retry",
  "admin.jobs.cancel",
  "admin.jobs.retryFailed",
  "admin.jobs.complete",
  "admin.jobs.permanentlyFail",
  "admin.jobs.reschedule",
  "admin.system.reprocessAll",
  "admin.system.cleanup",
] as const;

const WINDOWS = { "24h": 24 * 3_600_000, "7d": 7 * 24 * 3_600_000, "30d": 30 * 24 * 3_600_000 };
export type AuditWindow = keyof typeof WINDOWS;

export interface AuditFilters {
  action?: string;
  actor?: string;
  target?: string;
  window?: AuditWindow;
  page: number;
}

export const AUDIT_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function auditFiltersFromQuery(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const filters: AuditFilters = { page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
  const action = params.get("action");
  const actor = params.get("actor")?.trim();
  const target = params.get("target")?.trim();
  const window = params.get("window");
  if (action && (AUDITED_ACTIONS as readonly string[]).includes(action)) filters.action = action;
  if (actor && UUID.test(actor)) filters.actor = actor.toLowerCase();
  if (target && target.length <= 200) filters.target = target;
  if (window && window in WINDOWS) filters.window = window as AuditWindow;
  return filters;
}

export function auditQueryOf(filters: AuditFilters): Record<string, string | undefined> {
  return {
    action: filters.action,
    actor: filters.actor,
    target: filters.target,
    window: filters.window,
    page: filters.page > 1 ? String(filters.page) : undefined,
  };
}

export function auditInputOf(filters: AuditFilters, now: number): AuditListInput {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
    ...(filters.window ? { since: new Date(now - WINDOWS[filters.window]).toISOString() } : {}),
    limit: AUDIT_PAGE_SIZE,
    offset: (filters.page - 1) * AUDIT_PAGE_SIZE,
  };
}
