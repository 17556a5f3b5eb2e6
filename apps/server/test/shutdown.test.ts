// Graceful shutdown on a real HTTP server: in-flight requests finish, new connections are
// refused, readiness turns 503 at once, and a request that never ends is cut at the deadline.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { healthRoutes } from "../src/health/routes.ts";
import { createLogger } from "../src/logger.ts";
import { gracefulShutdown } from "../src/shutdown.ts";

const logger = createLogger({ level: "silent", secrets: [] });
let server: Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function serve(app: express.Express): Promise<string> {
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("graceful shutdown", () => {
  it("lets an in-flight request finish, then refuses new connections", async () => {
    const app = express();
    app.get("/slow", (_req, res) => void setTimeout(() => res.send("done"), 300));
    const url = await serve(app);
    const control = gracefulShutdown(server as Server, logger, 5_000);

    const inFlight = fetch(`${url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = control.shutdown("test");
    expect(control.isShuttingDown()).toBe(true);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("done");
    await closed;
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
  });

  it("closes connections still open at the deadline", async () => {
    const app = express();
    app.get("/never", () => {});
    const url = await serve(app);
    const control = gracefulShutdown(server as Server, logger, 200);
    const hanging = fetch(`${url}/never`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await control.shutdown("test");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await hanging).toBeInstanceOf(Error);
  });

  it("readiness answers 503 as soon as shutdown starts, liveness stays 200", async () => {
    let shuttingDown = false;
    const app = express();
    app.use(healthRoutes({ checks: {}, isShuttingDown: () => shuttingDown, logger }));
    const url = await serve(app);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    shuttingDown = true;
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
