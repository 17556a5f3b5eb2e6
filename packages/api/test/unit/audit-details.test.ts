import { describe, expect, it } from "vitest";
import { auditTargetOf, outcomeOf, summarizeForAudit } from "../../src/lib/audit-details.ts";

const id = "0b6f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b";

describe("auditTargetOf", () => {
  it("names a user, a job, a set of jobs or the system", () => {
    expect(auditTargetOf({ userId: id }, {})).toEqual({ type: "user", id });
    expect(auditTargetOf({ jobId: id }, {})).toEqual({ type: "job", id });
    expect(auditTargetOf({}, { jobId: id })).toEqual({ type: "job", id });
    expect(auditTargetOf({ jobIds: [id, id] }, {})).toEqual({ type: "jobs", id: `${id},${id}` });
    expect(auditTargetOf(undefined, {})).toEqual({ type: "system", id: null });
  });
});

describe("summarizeForAudit", () => {
  it("cuts long strings and long lists so a row stays small", () => {
    const summary = summarizeForAudit({
      note: "x".repeat(2000),
      ids: Array.from({ length: 60 }, (_, i) => i),
    }) as {
      note: string;
      ids: unknown[];
    };
    expect(summary.note.length).toBe(501);
    expect(summary.ids).toHaveLength(51);
    expect(summary.ids.at(-1)).toBe("… 10 more");
  });

  it("stops at a fixed depth", () => {
    expect(summarizeForAudit({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({
      a: { b: { c: { d: "…" } } },
    });
  });
});

describe("outcomeOf", () => {
  it("keeps ids and counts, never whole rows", () => {
    expect(outcomeOf({ jobId: id, jobs: [{ id, payload: {} }], count: 1 })).toEqual({
      jobId: id,
      count: 1,
    });
  });
});
