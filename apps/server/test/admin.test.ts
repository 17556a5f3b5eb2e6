// Admin procedures: 401 for anonymous callers and 403 for normal users on every one of them;
// admin rights come from user_roles at request time, so a revocation bites on the next request;
// every admin mutation leaves exactly one audit_log row carrying the request id.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { call, query, trpcCode, trpcData } from "./helpers/http.ts";
import { allProcedures } from "./helpers/procedures.ts";
import { createUser, grantAdmin, revokeAdmin, sql, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const { url } = inject("server");
const adminProcedures = allProcedures().filter((p) => p.admin);
let admin: TestUser;
let normal: TestUser;

beforeAll(async () => {
  admin = await createUser(stack, "admin");
  normal = await createUser(stack, "normal");
  await grantAdmin(stack, admin.id);
});

describe("every admin procedure", () => {
  it("exists (the suite must see the admin router)", () => {
    expect(adminProcedures.length).toBeGreaterThanOrEqual(10);
  });

  it("answers 401 to anonymous callers", async () => {
    for (const p of adminProcedures) {
      const result = await call(url, p.type, p.path, {}, null);
      expect(result.status, p.path).toBe(401);
      expect(result.headers.get("www-authenticate"), p.path).toMatch(/^Bearer/);
    }
  });

  it("answers 403 to a signed-in user who is not an admin, whatever the input", async () => {
    for (const p of adminProcedures) {
      const result = await call(url, p.type, p.path, {}, normal.token);
      expect(result.status, p.path).toBe(403);
      expect(trpcCode(result), p.path).toBe("FORBIDDEN");
    }
  });
});

describe("admin rights are checked on every request", () => {
  it("a granted admin gets in, and is refused on the very next request once revoked", async () => {
    const temp = await createUser(stack, "temp-admin");
    expect((await query(url, "admin.users.list", {}, temp.token)).status).toBe(403);
    await grantAdmin(stack, temp.id);
    expect((await query(url, "admin.users.list", {}, temp.token)).status).toBe(200);
    expect(
      trpcData<{ isAdmin: boolean }>(await query(url, "me", undefined, temp.token)).isAdmin,
    ).toBe(true);
    await revokeAdmin(stack, temp.id);
    expect((await query(url, "admin.users.list", {}, temp.token)).status).toBe(403);
  });

  it("revoking through the API works the same way", async () => {
    const temp = await createUser(stack, "temp-admin-2");
    await grantAdmin(stack, temp.id);
    expect((await query(url, "admin.audit.list", {}, temp.token)).status).toBe(200);
    const revoked = await call(
      url,
      "mutation",
      "admin.users.revokeAdmin",
      { userId: temp.id },
      admin.token,
    );
    expect(revoked.status).toBe(200);
    expect((await query(url, "admin.audit.list", {}, temp.token)).status).toBe(403);
  });
});

describe("audit trail", () => {
  async function auditRowsFor(requestId: string | null) {
    return sql<{ actor_id: string; action: string }>(
      stack,
      "select actor_id, action from public.audit_log where request_id = $1",
      [requestId],
    );
  }

  async function jobFor(owner: TestUser, status: string) {
    const [job] = await sql<{ id: string }>(
      stack,
      `insert into public.jobs (owner_id, kind, status, payload)
       values ($1, 'maintenance__cleanup', $2, '{}') returning id`,
      [owner.id, status],
    );
    return job?.id ?? "";
  }

  it("every admin mutation leaves one row with actor, action and request id", async () => {
    const target = await createUser(stack, "target");
    const doomed = await createUser(stack, "doomed");
    const failedJob = await jobFor(target, "failed");
    const queuedJob = await jobFor(target, "queued");
    const inputs: Record<string, unknown> = {
      "admin.users.grantAdmin": { userId: target.id },
      "admin.users.revokeAdmin": { userId: target.id },
      "admin.users.ban": { userId: target.id, hours: 1 },
      "admin.users.unban": { userId: target.id },
      "admin.users.delete": { userId: doomed.id },
      "admin.jobs.retry": { jobId: failedJob },
      "admin.jobs.cancel": { jobId: queuedJob },
      "admin.jobs.retryFailed": { limit: 1 },
      "admin.jobs.complete": { jobIds: [queuedJob] },
      "admin.jobs.permanentlyFail": { jobIds: [queuedJob], reason: "test" },
      "admin.jobs.reschedule": { jobIds: [queuedJob], priority: 1 },
      "admin.system.reprocessAll": undefined,
      "admin.system.cleanup": undefined,
    };
    const mutations = adminProcedures.filter((p) => p.type === "mutation").map((p) => p.path);
    // A new admin mutation must be added here, so it cannot escape this check.
    expect(mutations.sort()).toEqual(Object.keys(inputs).sort());
    for (const path of mutations) {
      const result = await call(url, "mutation", path, inputs[path], admin.token);
      expect(result.status, `${path}: ${result.text}`).toBe(200);
      const rows = await auditRowsFor(result.headers.get("x-request-id"));
      expect(rows, path).toEqual([
        { actor_id: admin.id, action: expect.stringContaining(path.split(".").at(-1) ?? "") },
      ]);
    }
  });

  it("queries and refused calls leave no row", async () => {
    const list = await query(url, "admin.users.list", {}, admin.token);
    expect(await auditRowsFor(list.headers.get("x-request-id"))).toEqual([]);
    const refused = await call(url, "mutation", "admin.system.cleanup", undefined, normal.token);
    expect(refused.status).toBe(403);
    expect(await auditRowsFor(refused.headers.get("x-request-id"))).toEqual([]);
  });

  it("the audit log is readable by admins through admin.audit.list", async () => {
    const listed = trpcData<{ items: Array<{ actor_id: string }> }>(
      await query(url, "admin.audit.list", { actorId: admin.id }, admin.token),
    );
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((row) => row.actor_id === admin.id)).toBe(true);
  });
});
