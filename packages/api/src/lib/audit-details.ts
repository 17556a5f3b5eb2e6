// What an audit row says about a mutation: the target it acted on and a bounded copy of its
// input and outcome (long strings are cut so one row can never grow without limit).

export interface AuditTarget {
  type: string | null;
  id: string | null;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function auditTargetOf(input: unknown, result: unknown): AuditTarget {
  const userId = field(input, "userId");
  if (typeof userId === "string") return { type: "user", id: userId };
  const jobId = field(input, "jobId") ?? field(result, "jobId");
  if (typeof jobId === "string") return { type: "job", id: jobId };
  const jobIds = field(input, "jobIds");
  if (Array.isArray(jobIds)) return { type: "jobs", id: jobIds.slice(0, 20).join(",") };
  return { type: "system", id: null };
}

const MAX_STRING = 500;
const MAX_ITEMS = 50;
const MAX_DEPTH = 4;

export function summarizeForAudit(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  }
  if (typeof value !== "object" || value === null) return value ?? null;
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => summarizeForAudit(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const entries = Object.entries(value).slice(0, MAX_ITEMS);
  return Object.fromEntries(entries.map(([k, v]) => [k, summarizeForAudit(v, depth + 1)]));
}

/** The few result fields worth keeping: ids created and counts, never whole rows. */
export function outcomeOf(result: unknown): Record<string, unknown> {
  const outcome: Record<string, unknown> = {};
  for (const key of ["jobId", "count", "affectedIds", "skippedIds"]) {
    const value = field(result, key);
    if (value !== undefined) outcome[key] = value;
  }
  return outcome;
}
