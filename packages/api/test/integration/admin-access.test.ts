import { describe, expect, it } from "vitest";
import { anonymous, type Caller, newUser, secret } from "../helpers.ts";

const SOME_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

// Every admin procedure, called with valid input: only the caller's rights should decide.
const adminCalls: [string, (caller: Caller) => Promise<unknown>][] = [
  ["users.list", (c) => c.admin.users.list({})],
  ["users.get", (c) => c.admin.users.get({ userId: SOME_ID })],
  ["users.grantAdmin", (c) => c.admin.users.grantAdmin({ userId: SOME_ID })],
  ["users.revokeAdmin", (c) => c.admin.users.revokeAdmin({ userId: SOME_ID })],
  ["users.ban", (c) => c.admin.users.ban({ userId: SOME_ID, hours: 1 })],
  ["users.unban", (c) => c.admin.users.unban({ userId: SOME_ID })],
  ["users.delete", (c) => c.admin.users.delete({ userId: SOME_ID })],
  ["jobs.list", (c) => c.admin.jobs.list({})],
  ["jobs.stats", (c) => c.admin.jobs.stats({})],
  ["jobs.retry", (c) => c.admin.jobs.retry({ jobId: SOME_ID })],
  ["jobs.cancel", (c) => c.admin.jobs.cancel({ jobId: SOME_ID })],
  ["jobs.retryFailed", (c) => c.admin.jobs.retryFailed({})],
  ["jobs.complete", (c) => c.admin.jobs.complete({ jobIds: [SOME_ID] })],
  ["jobs.permanentlyFail", (c) => c.admin.jobs.permanentlyFail({ jobIds: [SOME_ID] })],
  ["jobs.reschedule", (c) => c.admin.jobs.reschedule({ jobIds: [SOME_ID], priority: 1 })],
  ["system.overview", (c) => c.admin.system.overview()],
  ["system.reprocessAll", (c) => c.admin.system.reprocessAll()],
  ["system.cleanup", (c) => c.admin.system.cleanup()],
  ["audit.list", (c) => c.admin.audit.list({})],
];

describe("admin procedures refuse non-admins", () => {
  it.each(adminCalls)("%s: 401 for anonymous callers", async (_name, call) => {
    await expect(call(anonymous())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("every one answers 403 to a signed-in normal user", async () => {
    const user = await newUser("not-admin");
    for (const [name, call] of adminCalls) {
      await expect(call(user.caller), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("revoking admin takes effect on the very next request, with the same token", async () => {
    const admin = await newUser("revoked", { admin: true });
    await expect(admin.caller.admin.jobs.list({})).resolves.toBeDefined();
    await secret.from("user_roles").delete().eq("user_id", admin.id);
    await expect(admin.caller.admin.jobs.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an admin granted by another admin is recognised at once", async () => {
    const admin = await newUser("granter", { admin: true });
    const user = await newUser("grantee");
    await expect(user.caller.admin.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.caller.admin.users.grantAdmin({ userId: user.id });
    await expect(user.caller.admin.audit.list({})).resolves.toBeDefined();
    expect((await user.caller.me()).isAdmin).toBe(true);
  });
});
