// A real HTTP server publishing a JWKS the way Supabase Auth does, with keys the test can rotate,
// revoke or take offline, and a counter of fetches.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";

export interface SigningKey {
  kid: string;
  alg: "ES256" | "RS256";
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeSigningKey(alg: "ES256" | "RS256" = "ES256"): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig", key_ops: ["verify"] };
  return { kid, alg, privateKey, publicJwk };
}

export type JwksMode = "serve" | "error" | "hang";

export interface JwksServer {
  url: string;
  issuer: string;
  fetches: number;
  mode: JwksMode;
  published: SigningKey[];
  close(): Promise<void>;
}

export async function startJwksServer(initial: SigningKey[]): Promise<JwksServer> {
  const state = { fetches: 0, mode: "serve" as JwksMode, published: [...initial] };
  const server: Server = createServer((req, res) => {
    if (req.url !== "/auth/v1/.well-known/jwks.json") return void res.writeHead(404).end();
    state.fetches += 1;
    if (state.mode === "error") return void res.writeHead(500).end("down");
    if (state.mode === "hang") return; // never answers; the verifier's timeout must fire
    res.writeHead(200, {
      "content-type": "application/json",
      "cache-control": "public, max-age=600",
    });
    res.end(JSON.stringify({ keys: state.published.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url,
    issuer: `${url}/auth/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Claims as Supabase Auth writes them for a signed-in user. */
export function userClaims(issuer: string, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    sub: randomUUID(),
    aud: "authenticated",
    exp: now + 3600,
    iat: now,
    email: "someone@example.com",
    phone: "",
    role: "authenticated",
    aal: "aal1",
    session_id: randomUUID(),
    is_anonymous: false,
    app_metadata: { provider: "email" },
    user_metadata: {},
    ...overrides,
  };
}

export function sign(key: SigningKey, claims: JWTPayload, kid: string = key.kid): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid, typ: "JWT" })
    .sign(key.privateKey);
}

/** base64url of a JSON value, for hand-built tokens. */
export function b64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString(
    "base64url",
  );
}
