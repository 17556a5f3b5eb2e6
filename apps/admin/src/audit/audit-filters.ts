// Audit log filters in the query string (?action=…&actor=…&target=…&window=24h&page=2), turned
// into admin.audit.list input. Unknown values are dropped, not sent.
import {
  oneOf,
  pageOf,
  pageParam,
  pageRange,
  sinceOf,
  type TimeWindow,
  uuidOf,
  windowOf,
} from "../filters/query-filters.ts";
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
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

export interface AuditFilters {
  action?: AuditedAction | undefined;
  actor?: string | undefined;
  target?: string | undefined;
  window?: TimeWindow | undefined;
  page: number;
}

export function auditFiltersFromQuery(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const filters: AuditFilters = { page: pageOf(params) };
  const action = oneOf(AUDITED_ACTIONS, params.get("action"));
  const actor = uuidOf(params.get("actor"));
  const target = params.get("target")?.trim();
  const window = windowOf(params.get("window"));
  if (action) filters.action = action;
  if (actor) filters.actor = actor;
  if (target && target.length <= 200) filters.target = target;
  if (window) filters.window = window;
  return filters;
}

export function auditQueryOf(filters: AuditFilters): Record<string, string | undefined> {
  return {
    action: filters.action,
    actor: filters.actor,
    target: filters.target,
    window: filters.window,
    page: pageParam(filters.page),
  };
}

export function auditInputOf(filters: AuditFilters, now: number): AuditListInput {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
    ...sinceOf(filters.window, now),
    ...pageRange(filters.page),
  };
}
