const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A date as YYYY-MM-DD; an ambiguous one (03/04/2024 may be March or April) as written; null when
 * it is not a real calendar date (2024-02-30).
 */
export function normalizeDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (slashed) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (a > 12) return valid(year, b, a);
    if (b > 12) return valid(year, a, b);
    return valid(year, a, b) && valid(year, b, a) ? raw : null;
  }
  const monthFirst = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(raw);
  if (monthFirst) return fromMonthName(monthFirst[1], Number(monthFirst[2]), Number(monthFirst[3]));
  const dayFirst = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(raw);
  if (dayFirst) return fromMonthName(dayFirst[2], Number(dayFirst[1]), Number(dayFirst[3]));
  return null;
}

function fromMonthName(name: string | undefined, day: number, year: number): string | null {
  const month = MONTH_INDEX[(name ?? "").slice(0, 3).toLowerCase()];
  return month ? valid(year, month, day) : null;
}

function valid(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
