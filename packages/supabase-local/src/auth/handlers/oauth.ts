// GET /authorize (redirect to the provider) and GET /callback (back from it), spec §2.14.
// The flow state's id is the OAuth `state`; PKCE flows end with `?code=` for the app to exchange,
// implicit flows with the session in the fragment.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { withTx } from "../db.ts";
import type { Handler } from "../deps.ts";
import { AuthError } from "../errors.ts";
import { createFlowState, findFlowState, issueAuthCode } from "../flow-state.ts";
import { userForProfile } from "../oauth/link-user.ts";
import { findProvider } from "../oauth/providers.ts";
import { endpointsOf, exchangeCode, fetchProfile, flowSecret } from "../oauth/upstream.ts";
import { redirectTarget } from "../redirect.ts";
import { errorRedirect, implicitRedirect } from "../redirects.ts";
import { startSession } from "../sessions.ts";
import { sessionResponse } from "../tokens.ts";
import { checkPkce, isUuid } from "../validate.ts";

const STATE_TTL_MS = 10 * 60_000;

function found302(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "content-length": 0 });
  res.end();
}

export const authorize: Handler = async (deps, request) => {
  const query = request.url.searchParams;
  const spec = findProvider(deps.settings, query.get("provider") ?? "");
  const challenge = query.get("code_challenge") ?? "";
  const method = (query.get("code_challenge_method") ?? "").toLowerCase();
  const pkce = challenge || method ? checkPkce(challenge, method) : null;
  const referrer = redirectTarget(deps.settings, query.get("redirect_to"));
  const endpoints = await endpointsOf(spec);
  const flow = await withTx(deps.pool, (db) =>
    createFlowState(db, { userId: null, pkce, providerType: spec.name, method: "oauth", referrer }),
  );
  const scopes = new Set([
    ...spec.defaultScopes,
    ...(query.get("scopes") ?? "").split(/[\s,]+/).filter(Boolean),
  ]);
  const target = new URL(endpoints.authorization);
  const verifier = flowSecret(deps.keys.jwtSecret, flow.id, "verifier");
  target.searchParams.set("client_id", spec.clientId);
  target.searchParams.set("redirect_uri", spec.redirectUri ?? `${deps.authUrl}/callback`);
  target.searchParams.set("response_type", "code");
  target.searchParams.set("scope", [...scopes].join(" "));
  target.searchParams.set("state", flow.id);
  target.searchParams.set(
    "code_challenge",
    createHash("sha256").update(verifier).digest("base64url"),
  );
  target.searchParams.set("code_challenge_method", "S256");
  if (spec.issuer)
    target.searchParams.set("nonce", flowSecret(deps.keys.jwtSecret, flow.id, "nonce"));
  // Extra query parameters (auth-js `queryParams`, e.g. prompt, access_type) go to the provider.
  for (const [key, value] of query) {
    const own = [
      "provider",
      "redirect_to",
      "scopes",
      "code_challenge",
      "code_challenge_method",
      "skip_http_redirect",
    ];
    if (!own.includes(key) && !target.searchParams.has(key)) target.searchParams.set(key, value);
  }
  found302(request.res, target.toString());
};

export const callback: Handler = async (deps, request) => {
  const query = request.url.searchParams;
  const state = query.get("state") ?? "";
  if (!isUuid(state))
    throw new AuthError(400, "bad_oauth_state", "OAuth state parameter missing or invalid");
  const flow = await withTx(deps.pool, (db) => findFlowState(db, "id", state));
  if (flow?.authentication_method !== "oauth" || flow.auth_code_issued_at) {
    throw new AuthError(400, "bad_oauth_state", "OAuth state is invalid or has already been used");
  }
  const target = flow.referrer ?? deps.settings.siteUrl;
  const pkce = flow.code_challenge !== "";
  try {
    if (Date.now() - flow.created_at.getTime() > STATE_TTL_MS) {
      throw new AuthError(400, "bad_oauth_state", "OAuth state has expired");
    }
    const providerError = query.get("error");
    if (providerError) {
      throw new AuthError(
        400,
        "bad_oauth_callback",
        query.get("error_description") ?? providerError,
      );
    }
    const code = query.get("code") ?? "";
    if (!code)
      throw new AuthError(
        400,
        "bad_oauth_callback",
        "OAuth callback with missing authorization code",
      );
    const spec = findProvider(deps.settings, flow.provider_type);
    const endpoints = await endpointsOf(spec);
    const tokens = await exchangeCode(spec, endpoints, {
      code,
      redirectUri: spec.redirectUri ?? `${deps.authUrl}/callback`,
      verifier: flowSecret(deps.keys.jwtSecret, flow.id, "verifier"),
    });
    const profile = await fetchProfile(
      spec,
      endpoints,
      tokens,
      flowSecret(deps.keys.jwtSecret, flow.id, "nonce"),
    );
    const location = await withTx(deps.pool, async (db) => {
      const userId = await userForProfile(db, deps.settings, spec.name, profile);
      const banned = await db.query(
        "select 1 from auth.users where id = $1 and banned_until > now()",
        [userId],
      );
      if (banned.rowCount) throw new AuthError(403, "user_banned", "User is banned");
      if (pkce) {
        await issueAuthCode(db, flow.id, {
          userId,
          providerAccessToken: tokens.accessToken,
          providerRefreshToken: tokens.refreshToken ?? undefined,
        });
        const url = new URL(target);
        url.searchParams.set("code", flow.auth_code);
        return url.toString();
      }
      await db.query("delete from auth.flow_state where id = $1", [flow.id]);
      const session = await sessionResponse(
        deps,
        db,
        userId,
        await startSession(db, userId, "oauth", request.client),
        {
          provider_token: tokens.accessToken,
          ...(tokens.refreshToken ? { provider_refresh_token: tokens.refreshToken } : {}),
        },
      );
      return implicitRedirect(target, session, "");
    });
    found302(request.res, location);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error.status >= 500) deps.log(`auth: oauth callback failed: ${error.message}`);
    found302(request.res, errorRedirect(target, error, pkce));
  }
};
