// The real tRPC client (httpBatchLink, as the web and admin apps use it) against the server:
// batched calls succeed together, and refusals — a bad token, the per-IP limit — arrive as
// typed errors with their HTTP status, batch or not.
import type { AppRouter } from "@docket/api";
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningServer, startServer } from "./helpers/start-server.ts";
import { createUser, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const { url } = inject("server");
let user: TestUser;
let limited: RunningServer | undefined;

beforeAll(async () => {
  user = await createUser(stack, "client");
});
afterAll(() => limited?.close());

function clientFor(base: string, token: string | null, batch = true) {
  const options = {
    url: `${base}/trpc`,
    headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
  };
  return createTRPCClient<AppRouter>({
    links: [batch ? httpBatchLink({ ...options, maxItems: 10 }) : httpLink(options)],
  });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe("the tRPC client", () => {
  it("gets every result of a batch", async () => {
    const client = clientFor(url, user.token);
    const [ping, me, documents] = await Promise.all([
      client.ping.query(),
      client.me.query(),
      client.documents.list.query({ limit: 5 }),
    ]);
    expect(ping.userId).toBe(user.id);
    expect(me).toMatchObject({ id: user.id, isAdmin: false });
    expect(documents.items).toEqual([]);
  });

  it("sees a refused token as UNAUTHORIZED / 401 on each call of a batch", async () => {
    const client = clientFor(url, `${user.token.slice(0, -4)}AAAA`);
    const errors = await Promise.all([failure(client.ping.query()), failure(client.me.query())]);
    for (const error of errors) {
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.data?.httpStatus).toBe(401);
    }
  });

  it("sees field errors for bad input", async () => {
    const client = clientFor(url, user.token);
    const error = await failure(client.documents.get.query({ id: "not-a-uuid" }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.zodError).toBeTruthy();
  });

  it("sees the per-IP limit as TOO_MANY_REQUESTS, batched or not", async () => {
    limited = await startServer(stack, {
      onLogLine: () => {},
      overrides: {
        rateLimits: { ip: { perMinute: 1, burst: 1 }, user: { perMinute: 6000, burst: 1000 } },
      },
    });
    await clientFor(limited.url, user.token, false).ping.query();
    const single = await failure(clientFor(limited.url, user.token, false).ping.query());
    expect(single.data?.code).toBe("TOO_MANY_REQUESTS");
    const batch = clientFor(limited.url, user.token);
    const errors = await Promise.all([failure(batch.ping.query()), failure(batch.me.query())]);
    for (const error of errors) expect(error.data?.httpStatus).toBe(429);
  });
});
