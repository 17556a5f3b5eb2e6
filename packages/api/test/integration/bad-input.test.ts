import { beforeAll, describe, expect, it } from "vitest";
import { type Caller, errorShapeOf, newUser, sql, type TestUser } from "../helpers.ts";

// Wrong types, missing fields, huge strings and malformed ids for every procedure with input:
// each must be a 400 with field errors, and nothing may be written.
let user: TestUser;
let admin: TestUser;
const huge = "x".repeat(2_000_000);

beforeAll(async () => {
  user = await newUser("bad-input");
  admin = await newUser("bad-input-admin", { admin: true });
});

type Case = [string, (user: Caller, admin: Caller) => Promise<unknown>];
const untyped = (value: unknown) => value as never;

const cases: Case[] = [
  ["documents.list limit", (u) => u.documents.list({ limit: untyped("ten") })],
  ["documents.list huge search", (u) => u.documents.list({ search: huge })],
  ["documents.get id", (u) => u.documents.get({ id: "not-a-uuid" })],
  [
    "documents.create missing text",
    (u) => u.documents.create(untyped({ source: "text", title: "t" })),
  ],
  [
    "documents.create unknown source",
    (u) => u.documents.create(untyped({ source: "url", title: "t" })),
  ],
  [
    "documents.create huge title",
    (u) => u.documents.create({ source: "text", title: huge, text: "x" }),
  ],
  [
    "documents.create huge text",
    (u) => u.documents.create({ source: "text", title: "t", text: huge }),
  ],
  [
    "documents.create bad base64",
    (u) => u.documents.create({ source: "file", fileName: "a.txt", contentBase64: "%%%" }),
  ],
  [
    "documents.rename blank title",
    (u) => u.documents.rename({ id: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", title: "   " }),
  ],
  ["documents.delete no input", (u) => u.documents.delete(untyped(undefined))],
  ["jobs.list bad status", (u) => u.jobs.list({ status: untyped("exploded") })],
  ["jobs.get number id", (u) => u.jobs.get({ id: untyped(42) })],
  ["jobs.retry missing id", (u) => u.jobs.retry(untyped({}))],
  ["jobs.cancel bad id", (u) => u.jobs.cancel({ id: "../../etc" })],
  ["notifications.list negative offset", (u) => u.notifications.list({ offset: -1 })],
  ["notifications.markRead empty ids", (u) => u.notifications.markRead({ ids: [] })],
  ["notifications.markRead all=false", (u) => u.notifications.markRead(untyped({ all: false }))],
  ["profile.update huge name", (u) => u.profile.update({ displayName: huge })],
  ["profile.update missing", (u) => u.profile.update(untyped({}))],
  ["admin.users.list perPage", (_u, a) => a.admin.users.list({ perPage: 10_000 })],
  ["admin.users.get bad id", (_u, a) => a.admin.users.get({ userId: "nope" })],
  [
    "admin.users.ban no hours",
    (_u, a) => a.admin.users.ban(untyped({ userId: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b" })),
  ],
  [
    "admin.users.ban huge hours",
    (_u, a) =>
      a.admin.users.ban({ userId: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", hours: 10 ** 9 }),
  ],
  ["admin.jobs.list since", (_u, a) => a.admin.jobs.list({ since: "yesterday" })],
  ["admin.jobs.stats until", (_u, a) => a.admin.jobs.stats({ until: untyped(5) })],
  ["admin.jobs.retryFailed limit", (_u, a) => a.admin.jobs.retryFailed({ limit: 0 })],
  [
    "admin.jobs.complete too many",
    (_u, a) =>
      a.admin.jobs.complete({ jobIds: Array(501).fill("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b") }),
  ],
  [
    "admin.jobs.permanentlyFail huge reason",
    (_u, a) =>
      a.admin.jobs.permanentlyFail({
        jobIds: ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"],
        reason: huge,
      }),
  ],
  [
    "admin.jobs.reschedule nothing to change",
    (_u, a) => a.admin.jobs.reschedule({ jobIds: ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"] }),
  ],
  ["admin.audit.list action", (_u, a) => a.admin.audit.list({ action: huge })],
];

describe("bad input", () => {
  it.each(cases)("%s → 400 with field errors", async (_name, call) => {
    const shape = await errorShapeOf(call(user.caller, admin.caller));
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.data.httpStatus).toBe(400);
    const errors = shape.data.zodError;
    expect(errors).not.toBeNull();
    expect(
      Object.keys(errors?.fieldErrors ?? {}).length + (errors?.formErrors.length ?? 0),
    ).toBeGreaterThan(0);
  });

  it("left nothing behind", async () => {
    const written = await sql(
      `select (select count(*) from public.documents where owner_id = any($1))::int as documents,
              (select count(*) from public.jobs where owner_id = any($1))::int as jobs,
              (select count(*) from public.audit_log where actor_id = $2)::int as audit`,
      [[user.id, admin.id], admin.id],
    );
    expect(written).toEqual([{ documents: 0, jobs: 0, audit: 0 }]);
  });

  it("an unknown id is a 404, not a 500", async () => {
    const unknown = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    for (const call of [
      () => user.caller.documents.get({ id: unknown }),
      () => user.caller.jobs.retry({ id: unknown }),
      () => user.caller.jobs.cancel({ id: unknown }),
      () => admin.caller.admin.users.ban({ userId: unknown, hours: 1 }),
      () => admin.caller.admin.jobs.retry({ jobId: unknown }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
