// POST /token?grant_type=password|refresh_token|pkce (spec §2.4–§2.6).
import { withTx } from "../db.ts";
import type { AuthDeps, AuthRequest, Handler } from "../deps.ts";
import { AuthError, sendJson } from "../errors.ts";
import { findFlowState, verifierMatches } from "../flow-state.ts";
import type { JsonObject } from "../json-body.ts";
import { optionalString, readJsonObject } from "../json-body.ts";
import { passwordWeakness, verifyPassword } from "../passwords.ts";
import { refreshGrant } from "../refresh.ts";
import { assertRefreshTokenFormat, startSession } from "../sessions.ts";
import { sessionResponse } from "../tokens.ts";
import { findUserByEmail } from "../users-repo.ts";

const invalidCredentials = () =>
  new AuthError(400, "invalid_credentials", "Invalid login credentials");

export const token: Handler = async (deps, request) => {
  const grantType = request.url.searchParams.get("grant_type") ?? "";
  const body = await readJsonObject(request.req);
  const grants: Record<string, (d: AuthDeps, r: AuthRequest, b: JsonObject) => Promise<unknown>> = {
    password: passwordGrant,
    refresh_token: refreshTokenGrant,
    pkce: pkceGrant,
  };
  const grant = grants[grantType];
  if (!grant) throw new AuthError(400, "invalid_credentials", "unsupported_grant_type");
  sendJson(request.res, 200, await grant(deps, request, body));
};

async function passwordGrant(
  deps: AuthDeps,
  request: AuthRequest,
  body: JsonObject,
): Promise<unknown> {
  const email = optionalString(body, "email") ?? "";
  const phone = optionalString(body, "phone") ?? "";
  const password = optionalString(body, "password") ?? "";
  if (email !== "" && phone !== "") {
    throw new AuthError(
      400,
      "validation_failed",
      "Only an email address or phone number should be provided on login.",
    );
  }
  if (email === "" && phone === "")
    throw new AuthError(400, "validation_failed", "missing email or phone");
  if (phone !== "")
    throw new AuthError(422, "phone_provider_disabled", "Phone logins are disabled");
  if (!deps.settings.emailEnabled)
    throw new AuthError(422, "email_provider_disabled", "Email logins are disabled");

  // bcrypt runs outside the transaction so a slow hash never holds a connection in a transaction.
  const user = await withTx(deps.pool, (db) => findUserByEmail(db, email));
  if (!user || user.deleted_at) throw invalidCredentials();
  if (user.banned_until && user.banned_until.getTime() > Date.now()) {
    throw new AuthError(400, "user_banned", "User is banned");
  }
  if (!(await verifyPassword(password, user.encrypted_password))) throw invalidCredentials();
  if (!user.email_confirmed_at)
    throw new AuthError(400, "email_not_confirmed", "Email not confirmed");

  const weakness = passwordWeakness(password, deps.settings);
  return withTx(deps.pool, async (db) =>
    sessionResponse(
      deps,
      db,
      user.id,
      await startSession(db, user.id, "password", request.client),
      weakness ? { weak_password: weakness } : {},
    ),
  );
}

async function refreshTokenGrant(
  deps: AuthDeps,
  request: AuthRequest,
  body: JsonObject,
): Promise<unknown> {
  const presented = optionalString(body, "refresh_token") ?? "";
  assertRefreshTokenFormat(presented);
  const outcome = await withTx(deps.pool, async (db) => {
    const result = await refreshGrant(db, presented, deps.settings, request.client);
    if (!result.ok) return result;
    return {
      ok: true as const,
      session: await sessionResponse(deps, db, result.user, result),
    };
  });
  // A failed refresh may have revoked the family; that write is committed before answering.
  if (!outcome.ok) throw outcome.error;
  return outcome.session;
}

async function pkceGrant(deps: AuthDeps, request: AuthRequest, body: JsonObject): Promise<unknown> {
  const authCode = optionalString(body, "auth_code") ?? "";
  const verifier = optionalString(body, "code_verifier") ?? "";
  if (authCode === "" || verifier === "") {
    throw new AuthError(
      400,
      "validation_failed",
      "invalid request: both auth code and code verifier should be non-empty",
    );
  }
  return withTx(deps.pool, async (db) => {
    const flow = await findFlowState(db, "auth_code", authCode);
    if (!flow?.user_id || !flow.code_challenge) {
      throw new AuthError(
        404,
        "flow_state_not_found",
        "invalid flow state, no valid flow state found",
      );
    }
    const start = (flow.auth_code_issued_at ?? flow.created_at).getTime();
    if (Date.now() > start + deps.settings.flowStateTtlSeconds * 1000) {
      throw new AuthError(422, "flow_state_expired", "invalid flow state, flow state has expired");
    }
    if (!verifierMatches(flow, verifier)) {
      throw new AuthError(
        400,
        "bad_code_verifier",
        "code challenge does not match previously saved code verifier",
      );
    }
    const banned = await db.query(
      "select 1 from auth.users where id = $1 and banned_until > now()",
      [flow.user_id],
    );
    if (banned.rowCount) throw new AuthError(400, "user_banned", "User is banned");
    await db.query("delete from auth.flow_state where id = $1", [flow.id]);
    const session = await startSession(
      db,
      flow.user_id,
      flow.authentication_method,
      request.client,
    );
    return sessionResponse(deps, db, flow.user_id, session, {
      ...(flow.provider_access_token ? { provider_token: flow.provider_access_token } : {}),
      ...(flow.provider_refresh_token
        ? { provider_refresh_token: flow.provider_refresh_token }
        : {}),
    });
  });
}
