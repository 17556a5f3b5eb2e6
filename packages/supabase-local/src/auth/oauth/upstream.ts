// Talking to the provider: endpoint discovery, the code exchange, id_token and userinfo.
import { createHmac } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { AuthError } from "../errors.ts";
import type { ProviderProfile, ProviderSpec } from "./providers.ts";

interface Endpoints {
  authorization: string;
  token: string;
  userinfo?: string;
  jwksUri?: string;
  basicAuth: boolean;
}

const discovered = new Map<string, Promise<Endpoints>>();
const TIMEOUT_MS = 10_000;

const upstreamError = (message: string) =>
  new AuthError(
    500,
    "unexpected_failure",
    `Error getting user profile from external provider: ${message}`,
  );

export function endpointsOf(spec: ProviderSpec): Promise<Endpoints> {
  if (!spec.issuer) {
    return Promise.resolve({
      authorization: spec.authorizationEndpoint ?? "",
      token: spec.tokenEndpoint ?? "",
      userinfo: spec.userinfoEndpoint,
      basicAuth: false,
    });
  }
  const issuer = spec.issuer.replace(/\/$/, "");
  let pending = discovered.get(issuer);
  if (!pending) {
    pending = fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(`discovery answered ${res.status}`);
        const doc = (await res.json()) as Record<string, unknown>;
        const methods = Array.isArray(doc.token_endpoint_auth_methods_supported)
          ? (doc.token_endpoint_auth_methods_supported as string[])
          : ["client_secret_basic"];
        return {
          authorization: String(doc.authorization_endpoint),
          token: String(doc.token_endpoint),
          userinfo: typeof doc.userinfo_endpoint === "string" ? doc.userinfo_endpoint : undefined,
          jwksUri: typeof doc.jwks_uri === "string" ? doc.jwks_uri : undefined,
          basicAuth: methods.includes("client_secret_basic"),
        };
      })
      .catch((error: unknown) => {
        discovered.delete(issuer);
        throw upstreamError(`OpenID discovery of ${issuer} failed: ${String(error)}`);
      });
    discovered.set(issuer, pending);
  }
  return pending;
}

/** Upstream PKCE verifier and nonce, derived from the flow id so nothing extra is stored. */
export function flowSecret(secret: string, flowId: string, purpose: "verifier" | "nonce"): string {
  return createHmac("sha256", secret).update(`${purpose}:${flowId}`).digest("base64url");
}

export interface UpstreamTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
}

export async function exchangeCode(
  spec: ProviderSpec,
  endpoints: Endpoints,
  params: { code: string; redirectUri: string; verifier: string },
): Promise<UpstreamTokens> {
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    code: params.code,
    redirect_uri: params.redirectUri,
    code_verifier: params.verifier,
  });
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/x-www-form-urlencoded",
  };
  if (endpoints.basicAuth) {
    const user = encodeURIComponent(spec.clientId);
    const pass = encodeURIComponent(spec.secret);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
  } else {
    form.set("client_id", spec.clientId);
    form.set("client_secret", spec.secret);
  }
  const res = await fetch(endpoints.token, {
    method: "POST",
    headers,
    body: form,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof body.access_token !== "string") {
    throw new AuthError(
      400,
      "bad_oauth_callback",
      `Unable to exchange external code: ${String(body.error_description ?? body.error ?? res.status)}`,
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : null,
    idToken: typeof body.id_token === "string" ? body.id_token : null,
  };
}

export async function fetchProfile(
  spec: ProviderSpec,
  endpoints: Endpoints,
  tokens: UpstreamTokens,
  expectedNonce: string,
): Promise<ProviderProfile> {
  let claims: Record<string, unknown> = {};
  if (tokens.idToken && endpoints.jwksUri && spec.issuer) {
    const { payload } = await jwtVerify(
      tokens.idToken,
      createRemoteJWKSet(new URL(endpoints.jwksUri)),
      {
        issuer: spec.issuer.replace(/\/$/, ""),
        audience: spec.clientId,
      },
    ).catch((error: unknown) => {
      throw new AuthError(
        400,
        "bad_oauth_callback",
        `id_token verification failed: ${String(error)}`,
      );
    });
    if (!spec.skipNonceCheck && payload.nonce !== expectedNonce) {
      throw new AuthError(400, "bad_oauth_callback", "id_token nonce does not match");
    }
    claims = { ...payload };
  }
  if ((!claims.email || !claims.sub) && endpoints.userinfo) {
    const res = await fetch(endpoints.userinfo, {
      headers: { authorization: `Bearer ${tokens.accessToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw upstreamError(`userinfo answered ${res.status}`);
    claims = { ...claims, ...((await res.json()) as Record<string, unknown>) };
  }
  if (spec.name === "github" && !claims.email && endpoints.userinfo) {
    Object.assign(claims, await githubPrimaryEmail(endpoints.userinfo, tokens.accessToken));
  }
  const profile = spec.profileFrom(claims);
  if (!profile.sub) throw upstreamError("no subject in the provider's answer");
  return profile;
}

/** GitHub hides private addresses from /user; /user/emails lists them with their status. */
async function githubPrimaryEmail(
  userinfo: string,
  accessToken: string,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${userinfo}/emails`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) return {};
  const emails = (await res.json()) as { email: string; primary: boolean; verified: boolean }[];
  const primary = emails.find((e) => e.primary) ?? emails[0];
  return primary ? { email: primary.email, email_verified: primary.verified } : {};
}
