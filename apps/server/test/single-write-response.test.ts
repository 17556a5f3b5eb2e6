// Responses written in pieces across ticks leave as one body with a Content-Length; streaming
// requests keep chunked transfer.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleWriteResponse } from "../src/http/single-write-response.ts";

let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(singleWriteResponse());
  app.get("/pieces", (_req, res) => {
    res.setHeader("content-type", "application/json");
    res.write(new TextEncoder().encode('{"a":'));
    setImmediate(() => {
      res.write("1}");
      setImmediate(() => res.end());
    });
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    request(`${url}${path}`, { headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ headers: res.headers, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("singleWriteResponse", () => {
  it("sends the whole body once with a Content-Length", async () => {
    const response = await get("/pieces");
    expect(response.body).toBe('{"a":1}');
    expect(response.headers["content-length"]).toBe("7");
    expect(response.headers["transfer-encoding"]).toBeUndefined();
  });

  it("leaves streaming requests chunked", async () => {
    const response = await get("/pieces", { "trpc-accept": "application/jsonl" });
    expect(response.body).toBe('{"a":1}');
    expect(response.headers["transfer-encoding"]).toBe("chunked");
  });
});
