import { describe, expect, it } from "vitest";
import { auditFiltersFromQuery, auditInputOf } from "../src/audit/audit-filters.ts";

const ADMIN = "0a0b0c0d-1111-4222-8333-444455556666";

describe("audit log filters", () => {
  it("accepts only actions the server audits and a uuid actor", () => {
    expect(
      auditFiltersFromQuery(`?action=admin.users.grantAdmin&actor=${ADMIN}&window=7d`),
    ).toEqual({ action: "admin.users.grantAdmin", actor: ADMIN, window: "7d", page: 1 });
    expect(auditFiltersFromQuery("?action=drop.table&actor=bob&window=forever")).toEqual({
      page: 1,
    });
  });

  it("maps to admin.audit.list input", () => {
    const now = Date.parse("2026-03-01T00:00:00.000Z");
    expect(
      auditInputOf({ action: "admin.jobs.retry", target: "job-1", window: "24h", page: 3 }, now),
    ).toEqual({
      action: "admin.jobs.retry",
      targetId: "job-1",
      since: "2026-02-28T00:00:00.000Z",
      limit: 25,
      offset: 50,
    });
  });
});
