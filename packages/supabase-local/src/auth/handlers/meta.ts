// GET /settings, /health and /.well-known/jwks.json (spec §2.15, §2.16).
import type { Handler } from "../deps.ts";
import { sendJson } from "../errors.ts";

const KNOWN_PROVIDERS = [
  "apple",
  "azure",
  "bitbucket",
  "discord",
  "facebook",
  "snapchat",
  "figma",
  "fly",
  "github",
  "gitlab",
  "google",
  "keycloak",
  "kakao",
  "linkedin",
  "linkedin_oidc",
  "notion",
  "spotify",
  "slack",
  "slack_oidc",
  "workos",
  "twitch",
  "twitter",
  "zoom",
];

export const settingsHandler: Handler = async (deps, { res }) => {
  const s = deps.settings;
  const external: Record<string, boolean> = { anonymous_users: s.anonymousEnabled };
  for (const name of KNOWN_PROVIDERS) external[name] = name in s.external;
  for (const name of Object.keys(s.external)) external[name] = true;
  external.email = s.emailEnabled;
  external.phone = false;
  sendJson(res, 200, {
    external,
    disable_signup: !s.signupEnabled,
    mailer_autoconfirm: s.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  });
};

export const health: Handler = async (_deps, { res }) => {
  sendJson(res, 200, {
    version: "supabase-local",
    name: "GoTrue",
    description: "GoTrue is a user registration and authentication API",
  });
};

export const jwks: Handler = async (deps, { res }) => {
  const keys = deps.keys.jwks().keys.map((key) => ({ ...key, use: "sig", key_ops: ["verify"] }));
  sendJson(res, 200, { keys }, { "cache-control": "public, max-age=600" });
};

export const openidConfiguration: Handler = async (deps, { res }) => {
  sendJson(res, 200, {
    issuer: deps.keys.issuer,
    jwks_uri: `${deps.authUrl}/.well-known/jwks.json`,
    authorization_endpoint: `${deps.authUrl}/authorize`,
    token_endpoint: `${deps.authUrl}/token`,
    response_types_supported: ["code", "token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["ES256", "RS256", "HS256"],
  });
};
