// The HTTP layer around tRPC: request ids, CORS, health and readiness, body and batch limits,
// per-IP and per-user rate limits, unknown routes. Real stack, real server, over HTTP.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { mutate, query, raw, trpcCode } from "./helpers/http.ts";
import { allProcedures } from "./helpers/procedures.ts";
import { type RunningServer, startServer } from "./helpers/start-server.ts";
import { createUser, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const { url } = inject("server");
let user: TestUser;
const started: RunningServer[] = [];

beforeAll(async () => {
  user = await createUser(stack, "http");
});
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

async function serverWith(overrides: Parameters<typeof startServer>[1]["overrides"]) {
  const server = await startServer(stack, { onLogLine: () => {}, overrides });
  started.push(server);
  return server;
}

const aMutation = () => {
  const found = allProcedures().find((p) => p.type === "mutation" && !p.admin);
  if (!found) throw new Error("the router has no user mutation");
  return found.path;
};

describe("request id", () => {
  it("is generated when absent and echoed when sane", async () => {
    const generated = await raw(`${url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await raw(`${url}/healthz`, { headers: { "x-request-id": "web-1234-abcd" } });
    expect(echoed.headers.get("x-request-id")).toBe("web-1234-abcd");
  });

  it("replaces an incoming id that could inject into logs", async () => {
    const result = await raw(`${url}/healthz`, {
      headers: { "x-request-id": 'x"}\\u0000{"admin":true' },
    });
    expect(result.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is quoted in tRPC error bodies", async () => {
    const result = await query(url, "ping");
    const body = result.json as { error: { data: { requestId: string } } };
    expect(body.error.data.requestId).toBe(result.headers.get("x-request-id"));
  });
});

describe("health", () => {
  it("/healthz answers without touching dependencies", async () => {
    const result = await raw(`${url}/healthz`);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ status: "ok" });
  });

  it("/readyz checks Auth, the signing keys and the database", async () => {
    const result = await raw(`${url}/readyz`);
    expect(result.json).toEqual({
      ready: true,
      checks: { auth: "ok", jwks: "ok", database: "ok" },
    });
    expect(result.status).toBe(200);
  });
});

describe("CORS", () => {
  const allowed = "http://localhost:5173";

  it("answers an allowed origin's preflight and names it on the response", async () => {
    const preflight = await raw(`${url}/trpc/ping`, {
      method: "OPTIONS",
      headers: {
        origin: allowed,
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(allowed);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    const actual = await query(url, "ping", undefined, user.token);
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
    const withOrigin = await raw(`${url}/trpc/ping`, {
      headers: { origin: allowed, authorization: `Bearer ${user.token}` },
    });
    expect(withOrigin.headers.get("access-control-allow-origin")).toBe(allowed);
  });

  it("gives no CORS headers to an origin off the list", async () => {
    const evil = "https://evil.example";
    const preflight = await raw(`${url}/trpc/ping`, {
      method: "OPTIONS",
      headers: { origin: evil, "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const simple = await raw(`${url}/trpc/ping`, { headers: { origin: evil } });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("limits", () => {
  it("413 for a body over the limit, before any procedure runs", async () => {
    const result = await mutate(
      url,
      aMutation(),
      { blob: "x".repeat(2 * 1024 * 1024) },
      user.token,
    );
    expect(result.status).toBe(413);
    expect(trpcCode(result)).toBe("PAYLOAD_TOO_LARGE");
  });

  it("400 for a batch larger than maxBatchSize", async () => {
    const paths = Array.from({ length: 11 }, () => "ping").join(",");
    const input = encodeURIComponent(JSON.stringify({}));
    const result = await raw(`${url}/trpc/${paths}?batch=1&input=${input}`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(result.status).toBe(400);
  });

  it("a batch within the limit answers every call", async () => {
    const result = await raw(
      `${url}/trpc/ping,ping,ping?batch=1&input=${encodeURIComponent("{}")}`,
      {
        headers: { authorization: `Bearer ${user.token}` },
      },
    );
    expect(result.status).toBe(200);
    expect(result.json).toHaveLength(3);
  });

  it("429 with Retry-After per IP", async () => {
    const server = await serverWith({
      rateLimits: { ip: { perMinute: 6, burst: 3 }, user: { perMinute: 6000, burst: 1000 } },
    });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof query>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await query(server.url, "ping", undefined, user.token);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(trpcCode(last as NonNullable<typeof last>)).toBe("TOO_MANY_REQUESTS");
  });

  it("429 with Retry-After per user, counting each batched call, other users unaffected", async () => {
    const server = await serverWith({
      rateLimits: { ip: { perMinute: 6000, burst: 1000 }, user: { perMinute: 6, burst: 4 } },
    });
    const other = await createUser(stack, "other");
    const batch = await raw(
      `${server.url}/trpc/ping,ping,ping?batch=1&input=${encodeURIComponent("{}")}`,
      {
        headers: { authorization: `Bearer ${user.token}` },
      },
    );
    expect(batch.status).toBe(200);
    expect((await query(server.url, "ping", undefined, user.token)).status).toBe(200);
    const limited = await query(server.url, "ping", undefined, user.token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await query(server.url, "ping", undefined, other.token)).status).toBe(200);
  });
});

describe("routes", () => {
  it("404 JSON for an unknown route and an unknown procedure", async () => {
    const route = await raw(`${url}/nope`);
    expect(route.status).toBe(404);
    const procedure = await query(url, "no.such.procedure", undefined, user.token);
    expect(procedure.status).toBe(404);
    expect(trpcCode(procedure)).toBe("NOT_FOUND");
  });

  it("mutations refuse GET and queries refuse POST", async () => {
    expect((await query(url, aMutation(), {}, user.token)).status).toBe(405);
    expect((await mutate(url, "ping", {}, user.token)).status).toBe(405);
  });
});
