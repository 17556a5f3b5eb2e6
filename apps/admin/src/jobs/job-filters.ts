// The Jobs page keeps its filters in the query string (?status=failed&kind=…&user=…&window=24h
// &page=2) so a filtered view can be bookmarked and shared. This turns that query into the
// API's input and back, ignoring values the API would refuse rather than failing the page.
import {
  JOB_KINDS,
  JOB_STATUSES,
  type JobKind,
  type JobListInput,
  type JobStatus,
} from "../lib/api-types.ts";

export const TIME_WINDOWS = {
  "1h": 60 * 60 * 1000,
  "24h": 24 * 60 * 60 * 1000,
  "7d": 7 * 24 * 60 * 60 * 1000,
  "30d": 30 * 24 * 60 * 60 * 1000,
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export interface JobFilters {
  status?: JobStatus;
  kind?: JobKind;
  /** Owner's user id. */
  user?: string;
  window?: TimeWindow;
  page: number;
}

export const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export function filtersFromQuery(search: string): JobFilters {
  const params = new URLSearchParams(search);
  const user = params.get("user")?.trim();
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const window = params.get("window");
  const filters: JobFilters = { page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
  const status = oneOf(JOB_STATUSES, params.get("status"));
  const kind = oneOf(JOB_KINDS, params.get("kind"));
  if (status) filters.status = status;
  if (kind) filters.kind = kind;
  if (user && UUID.test(user)) filters.user = user.toLowerCase();
  if (window && window in TIME_WINDOWS) filters.window = window as TimeWindow;
  return filters;
}

export function queryFromFilters(filters: JobFilters): Record<string, string | undefined> {
  return {
    status: filters.status,
    kind: filters.kind,
    user: filters.user,
    window: filters.window,
    page: filters.page > 1 ? String(filters.page) : undefined,
  };
}

/** The admin.jobs.list input; `now` is passed in so the window is fixed for one render. */
export function listInputOf(filters: JobFilters, now: number): JobListInput {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.user ? { ownerId: filters.user } : {}),
    ...(filters.window
      ? { since: new Date(now - TIME_WINDOWS[filters.window]).toISOString() }
      : {}),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}
