// External sign-in providers from `[auth.external.<name>]`. Every provider is one configuration of
// the same OAuth 2.0 code: OpenID Connect issuers are discovered (Google is one, with its issuer
// as default), GitHub is plain OAuth with its fixed endpoints and a userinfo call.
import type { ExternalProviderConfig } from "../../config/schema.ts";
import { AuthError } from "../errors.ts";
import type { AuthSettings } from "../settings.ts";

export interface ProviderProfile {
  /** Stable id of the user at the provider (`sub`). */
  sub: string;
  email: string | null;
  emailVerified: boolean;
  /** Everything the provider said about the user; becomes identity_data / user_metadata. */
  claims: Record<string, unknown>;
}

export interface ProviderSpec {
  name: string;
  clientId: string;
  secret: string;
  /** OpenID Connect issuer to discover endpoints from, or null for plain OAuth. */
  issuer: string | null;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  defaultScopes: string[];
  redirectUri: string | null;
  skipNonceCheck: boolean;
  /** Turns the userinfo document into a profile (providers name their fields differently). */
  profileFrom: (userinfo: Record<string, unknown>) => ProviderProfile;
}

const str = (value: unknown) =>
  typeof value === "string" ? value : value == null ? "" : String(value);

function oidcProfile(info: Record<string, unknown>): ProviderProfile {
  const email = str(info.email) || null;
  return {
    sub: str(info.sub),
    email,
    emailVerified: info.email_verified === true || info.email_verified === "true",
    claims: {
      ...info,
      provider_id: str(info.sub),
      full_name: info.name ?? info.full_name,
      avatar_url: info.picture ?? info.avatar_url,
    },
  };
}

function githubProfile(info: Record<string, unknown>): ProviderProfile {
  const id = str(info.id);
  return {
    sub: id,
    email: str(info.email) || null,
    emailVerified: info.email_verified === true,
    claims: {
      iss: "https://api.github.com",
      sub: id,
      provider_id: id,
      name: info.name,
      full_name: info.name,
      user_name: info.login,
      preferred_username: info.login,
      email: info.email,
      email_verified: info.email_verified === true,
      avatar_url: info.avatar_url,
    },
  };
}

function specFor(name: string, config: ExternalProviderConfig): ProviderSpec {
  const base = {
    name,
    clientId: config.client_id,
    secret: config.secret,
    redirectUri: config.redirect_uri || null,
    skipNonceCheck: config.skip_nonce_check,
  };
  if (name === "github") {
    const web = (config.url || "https://github.com").replace(/\/$/, "");
    const api = config.url ? `${web}/api/v3` : "https://api.github.com";
    return {
      ...base,
      issuer: null,
      authorizationEndpoint: `${web}/login/oauth/authorize`,
      tokenEndpoint: `${web}/login/oauth/access_token`,
      userinfoEndpoint: `${api}/user`,
      defaultScopes: ["user:email"],
      profileFrom: githubProfile,
    };
  }
  const issuer = config.url || (name === "google" ? "https://accounts.google.com" : "");
  if (!issuer)
    throw new AuthError(
      400,
      "validation_failed",
      `Unsupported provider: ${name} has no url (OpenID issuer) configured`,
    );
  return {
    ...base,
    issuer,
    defaultScopes: ["openid", "email", "profile"],
    profileFrom: oidcProfile,
  };
}

export function findProvider(settings: AuthSettings, name: string): ProviderSpec {
  const config = settings.external[name.toLowerCase()];
  if (!config)
    throw new AuthError(
      400,
      "validation_failed",
      `Unsupported provider: provider ${name} could not be found`,
    );
  return specFor(name.toLowerCase(), config);
}
