// The Jobs page keeps its filters in the query string (?status=failed&kind=…&user=…&window=24h
// &page=2) so a filtered view can be bookmarked and shared. This turns that query into the
// API's input and back, ignoring values the API would refuse rather than failing the page.
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
import {
  JOB_KINDS,
  JOB_STATUSES,
  type JobKind,
  type JobListInput,
  type JobStatus,
} from "../lib/api-types.ts";

export interface JobFilters {
  status?: JobStatus | undefined;
  kind?: JobKind | undefined;
  /** Owner's user id. */
  user?: string | undefined;
  window?: TimeWindow | undefined;
  page: number;
}

export function filtersFromQuery(search: string): JobFilters {
  const params = new URLSearchParams(search);
  const filters: JobFilters = { page: pageOf(params) };
  const status = oneOf(JOB_STATUSES, params.get("status"));
  const kind = oneOf(JOB_KINDS, params.get("kind"));
  const user = uuidOf(params.get("user"));
  const window = windowOf(params.get("window"));
  if (status) filters.status = status;
  if (kind) filters.kind = kind;
  if (user) filters.user = user;
  if (window) filters.window = window;
  return filters;
}

export function queryFromFilters(filters: JobFilters): Record<string, string | undefined> {
  return {
    status: filters.status,
    kind: filters.kind,
    user: filters.user,
    window: filters.window,
    page: pageParam(filters.page),
  };
}

/** The admin.jobs.list input; `now` is passed in so the window is fixed for one render. */
export function listInputOf(filters: JobFilters, now: number): JobListInput {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.user ? { ownerId: filters.user } : {}),
    ...sinceOf(filters.window, now),
    ...pageRange(filters.page),
  };
}
