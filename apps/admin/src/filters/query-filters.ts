// Pieces shared by the list pages that keep their filters in the query string (?…&window=24h
// &page=2): values the API would refuse are dropped rather than failing the page.

export const TIME_WINDOWS = {
  "1h": 60 * 60 * 1000,
  "24h": 24 * 60 * 60 * 1000,
  "7d": 7 * 24 * 60 * 60 * 1000,
  "30d": 30 * 24 * 60 * 60 * 1000,
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function oneOf<T extends string>(
  values: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return values.find((v) => v === value);
}

export function windowOf(value: string | null | undefined): TimeWindow | undefined {
  return value && value in TIME_WINDOWS ? (value as TimeWindow) : undefined;
}

/** A user id in canonical (lower-case) form, or undefined when it is not a uuid. */
export function uuidOf(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && UUID.test(trimmed) ? trimmed.toLowerCase() : undefined;
}

/** `?page=`, 1 when it is missing or not a positive integer. */
export function pageOf(params: URLSearchParams): number {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** The `since` bound of a window, anchored at `now` so one render asks one fixed query. */
export function sinceOf(window: TimeWindow | undefined, now: number): { since?: string } {
  return window ? { since: new Date(now - TIME_WINDOWS[window]).toISOString() } : {};
}

/** `limit`/`offset` of a 1-based page. */
export function pageRange(page: number): { limit: number; offset: number } {
  return { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

/** The page in the query string only past the first one. */
export function pageParam(page: number): string | undefined {
  return page > 1 ? String(page) : undefined;
}
