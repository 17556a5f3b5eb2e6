// The secret key (and the legacy JWT secret and service_role key) appears in no response and no
// log line. Built browser assets are checked where they are built: apps/web/test and
// apps/admin/test (a build with server secrets in its .env.local) and e2e/web-build.test.ts.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { call, type HttpResult, query, raw } from "./helpers/http.ts";
import { allProcedures } from "./helpers/procedures.ts";
import { type RunningServer, startServer } from "./helpers/start-server.ts";
import { createUser, grantAdmin, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const server = inject("server");
const SECRETS = [stack.secretKey, stack.serviceRoleKey, stack.jwtSecret];
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/;
let user: TestUser;
let admin: TestUser;
let broken: RunningServer | undefined;
const brokenLog: string[] = [];

beforeAll(async () => {
  user = await createUser(stack, "leak-user");
  admin = await createUser(stack, "leak-admin");
  await grantAdmin(stack, admin.id);
});
afterAll(() => broken?.close());

function expectClean(result: HttpResult, label: string) {
  const headers = [...result.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  for (const secret of SECRETS) {
    expect(result.text.includes(secret), `${label} body`).toBe(false);
    expect(headers.includes(secret), `${label} headers`).toBe(false);
  }
}

describe("responses", () => {
  it("carry no secret, whoever calls whatever", async () => {
    const procedures = allProcedures();
    for (const p of procedures) {
      expectClean(await call(server.url, p.type, p.path, {}, null), `anon ${p.path}`);
      const tampered = `${user.token.slice(0, -4)}AAAA`;
      expectClean(await call(server.url, p.type, p.path, {}, tampered), `bad token ${p.path}`);
      expectClean(await call(server.url, p.type, p.path, {}, user.token), `user ${p.path}`);
      if (p.admin && p.type === "query") {
        expectClean(await call(server.url, p.type, p.path, {}, admin.token), `admin ${p.path}`);
      }
    }
    for (const path of [
      "/healthz",
      "/readyz",
      "/nope",
      "/trpc/admin.users.list,admin.jobs.list?batch=1",
    ]) {
      expectClean(await raw(`${server.url}${path}`), path);
    }
  });

  it("a 500 says only 'Internal server error' and the request id, and logs no secret", async () => {
    const wrongKey = `sb_secret_${"w".repeat(32)}`;
    broken = await startServer(stack, {
      onLogLine: (line) => void brokenLog.push(line),
      overrides: {
        api: {
          supabaseUrl: stack.apiUrl,
          publishableKey: stack.publishableKey,
          secretKey: wrongKey,
        },
      },
    });
    const result = await query(broken.url, "me", undefined, user.token);
    expect(result.status).toBe(500);
    const body = result.json as { error: { message: string; data: { requestId: string } } };
    expect(body.error.message).toBe("Internal server error");
    expect(body.error.data.requestId).toBe(result.headers.get("x-request-id"));
    expect(result.text).not.toContain(wrongKey);
    const log = brokenLog.join("");
    expect(log).toContain(body.error.data.requestId);
    expect(log).not.toContain(wrongKey);
    expect(log).not.toContain(user.token);
  });
});

describe("logs", () => {
  it("of the whole run hold requests but no secret and no token", () => {
    const log = readFileSync(server.logFile, "utf8");
    expect(log).toContain('"path":"/healthz"');
    expect(log).toContain('"path":"/trpc/ping"');
    expect(log).toContain('"authFailure"');
    for (const secret of SECRETS) expect(log.includes(secret)).toBe(false);
    expect(log.includes(user.token)).toBe(false);
    expect(JWT.test(log)).toBe(false);
  });
});
