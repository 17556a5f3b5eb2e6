// Refresh-token rotation, the reuse window, family revocation on replay, logout scopes, and
// getClaims() verified against the JWKS across a key rotation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTOCONFIRM_CONFIG,
  type AuthTestStack,
  sql,
  startAuthStack,
  uniqueEmail,
} from "./support/stack.ts";

let t: AuthTestStack;
beforeAll(async () => {
  t = await startAuthStack(AUTOCONFIRM_CONFIG);
});
afterAll(async () => {
  await t?.stop();
});

async function signedInClient(label: string) {
  const email = uniqueEmail(label);
  const client = t.anon();
  const { data, error } = await client.auth.signUp({ email, password: "secret1" });
  if (error || !data.session) throw error ?? new Error("no session");
  return { client, email, session: data.session };
}

/** Calls the token endpoint directly, as auth-js does on refresh. */
async function refresh(refreshToken: string) {
  const res = await fetch(`${t.stack.apiUrl}/auth/v1/token?grant_type=refresh_token`, {
    method: "POST",
    headers: {
      apikey: t.stack.publishableKey,
      "content-type": "application/json",
      "x-supabase-api-version": "2024-01-01",
    },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function getUserRaw(accessToken: string | undefined) {
  const res = await fetch(`${t.stack.apiUrl}/auth/v1/user`, {
    headers: {
      apikey: t.stack.publishableKey,
      authorization: `Bearer ${accessToken}`,
      "x-supabase-api-version": "2024-01-01",
    },
  });
  const body = (await res.json()) as { code?: string };
  return { status: res.status, code: body.code };
}

describe("refresh tokens", () => {
  it("rotates: refreshSession returns a new refresh token and a fresh access token with the sign-in amr", async () => {
    const { client, session } = await signedInClient("rotate");
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(data.session?.refresh_token).toMatch(/^[a-z2-7]{12}$/);
    const claims = JSON.parse(
      Buffer.from(data.session?.access_token.split(".")[1] ?? "", "base64url").toString(),
    );
    expect(claims.amr).toHaveLength(1);
    expect(claims.amr[0].method).toBe("password");
    const rows = await sql(
      t.stack,
      "select revoked, parent from auth.refresh_tokens where session_id = $1 order by id",
      [claims.session_id],
    );
    expect(rows).toEqual([
      { revoked: true, parent: "" },
      { revoked: false, parent: session.refresh_token },
    ]);
  });

  it("returns the active child when a just-rotated parent is replayed (lost response)", async () => {
    const { session } = await signedInClient("lost");
    const first = await refresh(session.refresh_token);
    expect(first.status).toBe(200);
    const again = await refresh(session.refresh_token);
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).toBe(first.body.refresh_token);
  });

  it("revokes the whole family when a revoked token is replayed after the reuse window", async () => {
    const { session } = await signedInClient("reuse");
    const child = await refresh(session.refresh_token);
    const grandchild = await refresh(String(child.body.refresh_token));
    expect(grandchild.status).toBe(200);
    // Move the first rotation 20 s into the past: outside the 10 s reuse window.
    await sql(
      t.stack,
      "update auth.refresh_tokens set updated_at = now() - interval '20 seconds' where token = $1",
      [session.refresh_token],
    );
    const replay = await refresh(session.refresh_token);
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe("refresh_token_already_used");
    // The legitimate holder of the newest token is now signed out too.
    const victim = await refresh(String(grandchild.body.refresh_token));
    expect(victim.status).toBe(400);
    expect(victim.body.code).toBe("refresh_token_already_used");
  });

  it("within the reuse window a replay of an older token still succeeds", async () => {
    const { session } = await signedInClient("window");
    const child = await refresh(session.refresh_token);
    await refresh(String(child.body.refresh_token));
    const replay = await refresh(session.refresh_token);
    expect(replay.status).toBe(200);
  });

  it("rejects malformed and unknown refresh tokens with GoTrue's codes", async () => {
    expect((await refresh("short")).body.code).toBe("validation_failed");
    expect((await refresh("")).body.code).toBe("validation_failed");
    const unknown = await refresh("abcdefghijkl");
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("refresh_token_not_found");
  });

  it("serialises concurrent refreshes of one token: all succeed with the same child", async () => {
    const { session } = await signedInClient("race");
    const results = await Promise.all([1, 2, 3].map(() => refresh(session.refresh_token)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.refresh_token)).size).toBe(1);
  });
});

describe("audit log", () => {
  it("records sign-up, sign-in, refresh and logout in auth.audit_log_entries", async () => {
    const { client, email, session } = await signedInClient("audit");
    await client.auth.refreshSession();
    await client.auth.signOut();
    const rows = await sql<{ action: string; actor: string }>(
      t.stack,
      `select payload ->> 'action' as action, payload ->> 'actor_username' as actor
       from auth.audit_log_entries where payload ->> 'actor_id' = $1 order by created_at`,
      [session.user.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      "user_signedup",
      "login",
      "token_refreshed",
      "logout",
    ]);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set([email]));
  });
});

describe("signOut scopes", () => {
  it("local ends only this session; the other device keeps working", async () => {
    const { client, email } = await signedInClient("local");
    const other = t.anon();
    await other.auth.signInWithPassword({ email, password: "secret1" });
    expect((await client.auth.signOut({ scope: "local" })).error).toBeNull();
    expect((await other.auth.getUser()).error).toBeNull();
  });

  it("global ends every session: old access tokens get session_not_found, refresh tokens are gone", async () => {
    const { client, email, session } = await signedInClient("global");
    const other = t.anon();
    const { data: otherData } = await other.auth.signInWithPassword({ email, password: "secret1" });
    expect((await client.auth.signOut()).error).toBeNull();
    const { error } = await t.anon().auth.getUser(otherData.session?.access_token);
    expect(error?.name).toBe("AuthSessionMissingError");
    expect(await getUserRaw(otherData.session?.access_token)).toEqual({
      status: 403,
      code: "session_not_found",
    });
    expect((await refresh(session.refresh_token)).body.code).toBe("refresh_token_not_found");
  });

  it("others keeps the caller signed in", async () => {
    const { client, email } = await signedInClient("others");
    const other = t.anon();
    const { data: otherData } = await other.auth.signInWithPassword({ email, password: "secret1" });
    expect((await client.auth.signOut({ scope: "others" })).error).toBeNull();
    expect((await client.auth.getUser()).error).toBeNull();
    expect(await getUserRaw(otherData.session?.access_token)).toEqual({
      status: 403,
      code: "session_not_found",
    });
  });
});

describe("getClaims and key rotation", () => {
  it("verifies the access token against the JWKS", async () => {
    const { client, session } = await signedInClient("claims");
    const { data, error } = await client.auth.getClaims();
    expect(error).toBeNull();
    expect(data?.claims.sub).toBe(session.user.id);
    const jwks = await fetch(`${t.stack.apiUrl}/auth/v1/.well-known/jwks.json`, {
      headers: { apikey: t.stack.publishableKey },
    });
    expect(jwks.headers.get("cache-control")).toBe("public, max-age=600");
    const body = (await jwks.json()) as { keys: Record<string, unknown>[] };
    expect(body.keys[0]).toMatchObject({
      kty: "EC",
      crv: "P-256",
      alg: "ES256",
      use: "sig",
      key_ops: ["verify"],
    });
    expect(body.keys[0]).not.toHaveProperty("d");
  });

  it("keeps tokens of the previous key valid after rotation until that key is revoked", async () => {
    const { session } = await signedInClient("rotation");
    const oldKid = JSON.parse(
      Buffer.from(session.access_token.split(".")[0] ?? "", "base64url").toString(),
    ).kid;
    const newKid = await t.stack.context.keys.rotate();
    const fresh = await signedInClient("rotation-new");
    const freshKid = JSON.parse(
      Buffer.from(fresh.session.access_token.split(".")[0] ?? "", "base64url").toString(),
    ).kid;
    expect(freshKid).toBe(newKid);
    // A new client (empty JWKS cache) verifies both tokens against the published set.
    const verifier = t.anon();
    expect((await verifier.auth.getClaims(session.access_token)).error).toBeNull();
    expect((await verifier.auth.getClaims(fresh.session.access_token)).error).toBeNull();
    expect((await t.anon().auth.getUser(session.access_token)).error).toBeNull();

    await t.stack.context.keys.revoke(oldKid);
    const { error } = await t.anon().auth.getUser(session.access_token);
    expect(error?.status).toBe(403);
    expect(error?.code).toBe("bad_jwt");
    expect((await t.anon().auth.getUser(fresh.session.access_token)).error).toBeNull();
  });
});
