// The secret key (and the legacy JWT secret and service_role key) appears in no response, no log
// line and no built browser asset.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
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

// Built browser apps (apps/web/dist, apps/admin/dist) when a build exists.
const appsDir = new URL("../../", import.meta.url).pathname;
const distDirs = readdirSync(appsDir)
  .map((app) => join(appsDir, app, "dist"))
  .filter((dir) => existsSync(dir));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function localSecretKey(): string | null {
  const envFile = new URL("../../../.env.local", import.meta.url).pathname;
  if (!existsSync(envFile)) return null;
  const match = /^SUPABASE_SECRET_KEY=(.+)$/m.exec(readFileSync(envFile, "utf8"));
  return match?.[1]?.trim().replace(/^"|"$/g, "") ?? null;
}

describe("built browser assets", () => {
  it.skipIf(distDirs.length === 0)(
    "contain no secret key, legacy service_role key or secret name",
    () => {
      const local = localSecretKey();
      for (const file of distDirs.flatMap(filesUnder)) {
        const text = readFileSync(file, "latin1");
        expect(/sb_secret_[A-Za-z0-9_-]{8,}/.test(text), file).toBe(false);
        expect(text.includes("SUPABASE_SECRET_KEY"), file).toBe(false);
        if (local) expect(text.includes(local), file).toBe(false);
        for (const token of text.match(new RegExp(JWT.source, "g")) ?? []) {
          const payload = Buffer.from(token.split(".")[1] ?? "", "base64url").toString();
          expect(payload.includes("service_role"), file).toBe(false);
        }
      }
    },
  );
});
