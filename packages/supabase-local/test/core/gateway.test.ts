// The gateway's apikey rules (spec auth §7.2), routing and CORS, observed through services that
// echo what they received. Keys are real (a key store on a temp folder); no Postgres needed.

import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@supabase/supabase-js";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "../../src/gateway/gateway.ts";
import type { Service } from "../../src/gateway/service.ts";
import { type LocalKeyStore, openKeyStore } from "../../src/keys/local-key-store.ts";
import { closeServer, listen } from "../../src/stack/listen.ts";

const echo = (name: string): Service => ({
  async handle({ req, res, path, url, authorization }) {
    res.writeHead(200, { "content-type": "application/json", "x-total-count": "3" });
    res.end(
      JSON.stringify({
        service: name,
        path,
        search: url.search,
        authorization,
        header: req.headers.authorization ?? null,
      }),
    );
  },
});

let dir: string;
let keys: LocalKeyStore;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "supabase-local-gateway-"));
  keys = await openKeyStore({ file: join(dir, "keys.json"), issuer: "x", defaultExpiry: 3600 });
  const gateway = createGateway(() => {});
  gateway.setTarget({
    keys,
    services: { auth: echo("auth"), rest: echo("rest"), storage: echo("storage") },
  });
  server = gateway.server;
  base = `http://127.0.0.1:${await listen(server, 0, "API")}`;
});
afterAll(async () => {
  await closeServer(server);
  await rm(dir, { recursive: true, force: true });
});

async function call(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { headers });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe("routing", () => {
  it("strips the service prefix and keeps the query string", async () => {
    const auth = await call("/auth/v1/token?grant_type=password", { apikey: keys.publishableKey });
    expect(auth.body).toMatchObject({
      service: "auth",
      path: "/token",
      search: "?grant_type=password",
    });
    const rest = await call("/rest/v1", { apikey: keys.publishableKey });
    expect(rest.body).toMatchObject({ service: "rest", path: "/" });
    const storage = await call("/storage/v1/bucket/avatars", { apikey: keys.publishableKey });
    expect(storage.body).toMatchObject({ service: "storage", path: "/bucket/avatars" });
  });

  it("answers unknown paths with Kong's 404", async () => {
    const res = await call("/functions/v1/hello", { apikey: keys.publishableKey });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "no Route matched with those values" });
    expect((await call("/rest/v1beta", { apikey: keys.publishableKey })).status).toBe(404);
  });
});

describe("apikey rules", () => {
  it("refuses a missing key and an unknown key with 401", async () => {
    const missing = await call("/rest/v1/todos");
    expect(missing.status).toBe(401);
    expect(missing.body.message).toBe("No API key found in request");
    const wrong = await call("/rest/v1/todos", { apikey: "sb_publishable_wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe("Invalid API key");
    const foreign = await new SignJWT({ role: "anon" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode("a-different-secret-of-at-least-32-chars"));
    expect((await call("/rest/v1/todos", { apikey: foreign })).status).toBe(401);
  });

  it("turns the publishable key into the legacy anon JWT (signed-out supabase-js)", async () => {
    const res = await call("/rest/v1/todos", {
      apikey: keys.publishableKey,
      authorization: `Bearer ${keys.publishableKey}`,
    });
    expect(res.body.authorization).toBe(keys.anonKey);
    expect(res.body.header).toBe(`Bearer ${keys.anonKey}`);
  });

  it("turns the secret key into the legacy service_role JWT", async () => {
    const res = await call("/auth/v1/admin/users", {
      apikey: keys.secretKey,
      authorization: `Bearer ${keys.secretKey}`,
    });
    expect(res.body.authorization).toBe(keys.serviceRoleKey);
  });

  it("lets a user JWT in Authorization win over the key", async () => {
    const user = await keys.signAccessToken({ sub: "u1", role: "authenticated" });
    for (const apikey of [keys.publishableKey, keys.secretKey]) {
      const res = await call("/rest/v1/todos", { apikey, authorization: `Bearer ${user}` });
      expect(res.body.authorization).toBe(user);
    }
  });

  it("uses the apikey itself when there is no Authorization (legacy clients), also from the query", async () => {
    const header = await call("/rest/v1/todos", { apikey: keys.anonKey });
    expect(header.body.authorization).toBe(keys.anonKey);
    const query = await call(`/rest/v1/todos?apikey=${keys.publishableKey}`);
    expect(query.status).toBe(200);
    expect(query.body.authorization).toBe(keys.anonKey);
  });

  it("keeps the e-mail link, OAuth and JWKS routes and public Storage URLs open", async () => {
    for (const path of [
      "/auth/v1/verify?token=abc&type=signup",
      "/auth/v1/callback",
      "/auth/v1/authorize?provider=github",
      "/auth/v1/.well-known/jwks.json",
      "/storage/v1/object/public/avatars/a.png",
      "/storage/v1/object/sign/docs/a.pdf?token=t",
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      expect(res.body.authorization, path).toBeNull();
    }
    expect((await call("/storage/v1/object/docs/a.pdf")).status).toBe(401);
  });
});

describe("CORS", () => {
  it("answers a preflight without a key, allowing the headers supabase-js sends", async () => {
    const res = await fetch(`${base}/rest/v1/todos`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers":
          "apikey, authorization, x-client-info, content-type, prefer",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
    const allowed = res.headers.get("access-control-allow-headers")?.toLowerCase() ?? "";
    for (const h of [
      "apikey",
      "authorization",
      "x-client-info",
      "prefer",
      "x-supabase-api-version",
      "range",
    ]) {
      expect(allowed).toContain(h);
    }
  });

  it("exposes the headers clients read, on success and on refusal", async () => {
    const ok = await call("/rest/v1/todos", {
      apikey: keys.publishableKey,
      origin: "http://localhost:5173",
    });
    const refused = await call("/rest/v1/todos", { origin: "http://localhost:5173" });
    for (const res of [ok, refused]) {
      expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      const exposed = res.headers.get("access-control-expose-headers") ?? "";
      for (const h of [
        "Content-Range",
        "X-Total-Count",
        "X-Supabase-Api-Version",
        "Content-Profile",
        "ETag",
      ]) {
        expect(exposed).toContain(h);
      }
    }
  });
});

describe("with the real supabase-js", () => {
  // The echo service answers every call with what it received, so postgrest-js hands it back as data.
  it("a signed-out client with the publishable key reaches the Data API as anon", async () => {
    const supabase = createClient(base, keys.publishableKey, { auth: { persistSession: false } });
    const { data, error } = await supabase.from("todos").select("id");
    expect(error).toBeNull();
    expect(data).toMatchObject({ service: "rest", path: "/todos", authorization: keys.anonKey });
  });

  it("a client with the secret key reaches it as service_role", async () => {
    const supabase = createClient(base, keys.secretKey, { auth: { persistSession: false } });
    const { data } = await supabase.from("todos").select("id");
    expect(data).toMatchObject({ authorization: keys.serviceRoleKey });
  });

  it("a client with a wrong key is refused with Supabase's message", async () => {
    const supabase = createClient(base, "sb_publishable_not-this-project", {
      auth: { persistSession: false },
    });
    const { data, error } = await supabase.from("todos").select("id");
    expect(data).toBeNull();
    expect(error?.message).toBe("Invalid API key");
  });
});
