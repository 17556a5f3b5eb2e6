// Bad input to every procedure (wrong types, missing fields, huge strings, unknown ids) answers
// 4xx — 400 with field errors when the shape is wrong — and never 500; and a refused create
// leaves nothing behind. Calls are made as an admin so admin procedures reach their validation.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { call, mutate, trpcCode } from "./helpers/http.ts";
import { allProcedures } from "./helpers/procedures.ts";
import { createUser, grantAdmin, sql, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const { url } = inject("server");
let admin: TestUser;

beforeAll(async () => {
  admin = await createUser(stack, "bad-input");
  await grantAdmin(stack, admin.id);
});

// Procedures that declare no input ignore whatever is sent; they are exercised elsewhere.
const withInput = allProcedures().filter((p) => p.hasInput);

// Field names used across the routers' schemas; each junk object breaks at least one field of
// every procedure, so each must be refused.
const STRING_FIELDS = [
  "id",
  "userId",
  "jobId",
  "documentId",
  "ownerId",
  "actorId",
  "targetId",
  "targetType",
  "action",
  "title",
  "text",
  "search",
  "displayName",
  "reason",
  "since",
  "until",
  "status",
  "kind",
  "source",
  "fileName",
  "unreadOnly",
];
const filled = (value: string) => Object.fromEntries(STRING_FIELDS.map((f) => [f, value]));

const JUNK: Array<[string, unknown]> = [
  ["a string", "hello"],
  ["a number", 42],
  ["an array", [1, 2, 3]],
  ["null", null],
  [
    "wrong field types",
    {
      ...Object.fromEntries(STRING_FIELDS.map((f) => [f, { $ne: null }])),
      jobIds: "not-a-list",
      ids: [1],
      all: "yes",
      limit: "ten",
      offset: -1,
      page: 0,
      perPage: 10_000,
      hours: "forever",
      priority: "high",
    },
  ],
];

// Free-text fields (search) legitimately accept this, so a 200 with no match is fine too.
const MALFORMED = { ...filled("1 or 1=1"), jobIds: ["../../etc/passwd"], ids: ["x"] };

type ErrorBody = { error?: { data?: { code?: string; zodError?: unknown } } };

describe("every procedure with an input", () => {
  it("is found (the suite must see the router)", () => {
    expect(withInput.length).toBeGreaterThanOrEqual(15);
  });

  it("answers 400 with field errors to junk input, never 500", async () => {
    for (const p of withInput) {
      for (const [label, input] of JUNK) {
        const result = await call(url, p.type, p.path, input, admin.token);
        const what = `${p.path} with ${label}: ${result.status} ${result.text.slice(0, 200)}`;
        expect(result.status, what).toBe(400);
        expect(trpcCode(result), what).toBe("BAD_REQUEST");
        expect((result.json as ErrorBody).error?.data?.zodError, what).toBeTruthy();
      }
      const malformed = await call(url, p.type, p.path, MALFORMED, admin.token);
      expect([200, 400], `${p.path}: ${malformed.text.slice(0, 200)}`).toContain(malformed.status);
    }
  });

  it("refuses huge strings with 4xx, never 500", async () => {
    const huge = filled("x".repeat(300_000));
    for (const p of withInput.filter((q) => q.type === "mutation")) {
      const result = await mutate(url, p.path, { ...huge, jobIds: [huge.id] }, admin.token);
      expect(result.status, `${p.path}: ${result.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(result.status, p.path).toBeLessThan(500);
    }
    for (const p of withInput.filter((q) => q.type === "query")) {
      // A GET must fit in Node's 16 KB header limit: 21 fields of 600 characters do.
      const result = await call(url, "query", p.path, filled("y".repeat(600)), admin.token);
      expect(result.status, `${p.path}: ${result.text.slice(0, 200)}`).toBe(400);
    }
  });

  it("answers 404 to well-formed ids that do not exist", async () => {
    const unknown = randomUUID();
    const cases: Array<[string, "query" | "mutation", unknown]> = [
      ["documents.get", "query", { id: unknown }],
      ["documents.rename", "mutation", { id: unknown, title: "x" }],
      ["documents.delete", "mutation", { id: unknown }],
      ["jobs.get", "query", { id: unknown }],
      ["jobs.retry", "mutation", { id: unknown }],
      ["jobs.cancel", "mutation", { id: unknown }],
      ["admin.users.get", "query", { userId: unknown }],
      ["admin.users.grantAdmin", "mutation", { userId: unknown }],
      ["admin.users.ban", "mutation", { userId: unknown, hours: 1 }],
      ["admin.users.delete", "mutation", { userId: unknown }],
      ["admin.jobs.retry", "mutation", { jobId: unknown }],
      ["admin.jobs.cancel", "mutation", { jobId: unknown }],
    ];
    for (const [path, type, input] of cases) {
      const result = await call(url, type, path, input, admin.token);
      expect(result.status, `${path}: ${result.text.slice(0, 200)}`).toBe(404);
    }
  });
});

describe("nothing half-written", () => {
  async function footprint(userId: string) {
    const [row] = await sql<{ documents: string; jobs: string; objects: string }>(
      stack,
      `select (select count(*) from public.documents where owner_id = $1) as documents,
              (select count(*) from public.jobs where owner_id = $1) as jobs,
              (select count(*) from storage.objects where bucket_id = 'documents'
                 and name like $1::text || '/%') as objects`,
      [userId],
    );
    return row;
  }

  it("a refused create leaves no row, job or file", async () => {
    const user = await createUser(stack, "half");
    const before = await footprint(user.id);
    const attempts: unknown[] = [
      { source: "text", title: "", text: "x" },
      { source: "text", title: "ok", text: "" },
      {
        source: "file",
        fileName: "virus.exe",
        contentBase64: Buffer.from("MZ").toString("base64"),
      },
      {
        source: "file",
        fileName: "../escape.txt",
        contentBase64: Buffer.from("x").toString("base64"),
      },
      { source: "file", fileName: "a.txt", contentBase64: "%%% not base64 %%%" },
      {
        source: "file",
        fileName: "big.txt",
        contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10).toString("base64"),
      },
    ];
    for (const input of attempts) {
      const result = await mutate(url, "documents.create", input, user.token);
      expect(result.status, result.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(result.status, result.text.slice(0, 200)).toBeLessThan(500);
    }
    expect(await footprint(user.id)).toEqual(before);
  });
});
