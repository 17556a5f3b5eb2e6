// The secret key (and the legacy JWT secret and service_role key) appears in no response, no log
// line and no built browser asset.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findSecretsInAssets } from "./helpers/asset-scan.ts";
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

function localSecretKey(): string[] {
  const envFile = new URL("../../../.env.local", import.meta.url).pathname;
  if (!existsSync(envFile)) return [];
  const match = /^SUPABASE_SECRET_KEY=(.+)$/m.exec(readFileSync(envFile, "utf8"));
  const value = match?.[1]?.trim().replace(/^"|"$/g, "");
  return value ? [value] : [];
}

describe("built browser assets", () => {
  it("the scan finds each kind of leak (so a clean result means something)", () => {
    const dir = mkdtempSync(join(tmpdir(), "asset-scan-"));
    try {
      writeFileSync(
        join(dir, "clean.js"),
        'const key = "sb_publishable_abc"; if (k.startsWith("sb_secret_")) {}',
      );
      expect(findSecretsInAssets(dir)).toEqual([]);
      mkdirSync(join(dir, "assets"));
      writeFileSync(join(dir, "assets", "a.js"), `const k = "${stack.secretKey}";`);
      writeFileSync(join(dir, "assets", "b.js"), `const k = "${stack.serviceRoleKey}";`);
      writeFileSync(join(dir, "c.js"), "import.meta.env.SUPABASE_SECRET_KEY");
      writeFileSync(join(dir, "d.js"), "const s = 'configured-secret-value';");
      const found = findSecretsInAssets(dir, ["configured-secret-value"]).join("\n");
      expect(found).toContain("an sb_secret_ key");
      expect(found).toContain("a service_role JWT");
      expect(found).toContain("the secret key's variable name");
      expect(found).toContain("a configured secret value");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(distDirs.length === 0)("contain no secret key, service_role key or secret name", () => {
    for (const dir of distDirs) expect(findSecretsInAssets(dir, localSecretKey()), dir).toEqual([]);
  });
});
