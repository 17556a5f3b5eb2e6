// Auth settings resolved once from config.toml's [auth] section (CLI names, CLI defaults).
import type { Config, ExternalProviderConfig } from "../config/schema.ts";
import { parseGoDuration } from "./duration.ts";

export interface AuthSettings {
  siteUrl: string;
  redirectAllowList: string[];
  jwtExpiry: number;
  rotation: boolean;
  reuseIntervalSeconds: number;
  signupEnabled: boolean;
  emailEnabled: boolean;
  anonymousEnabled: boolean;
  autoconfirm: boolean;
  minPasswordLength: number;
  passwordRequirements: Config["auth"]["password_requirements"];
  emailMaxFrequencyMs: number;
  otpLength: number;
  otpExpirySeconds: number;
  doubleConfirmChanges: boolean;
  /** `[auth.email] secure_password_change`: a password change needs a fresh reauthentication code. */
  securePasswordChange: boolean;
  /** Enabled external providers by name (`github`, `google`, or any OpenID Connect issuer). */
  external: Record<string, ExternalProviderConfig>;
  /** How long a PKCE flow state lives before its code must be exchanged. */
  flowStateTtlSeconds: number;
  adminRoles: string[];
  audience: string;
}

export function resolveAuthSettings(config: Config): AuthSettings {
  const auth = config.auth;
  const external = Object.fromEntries(
    Object.entries(auth.external).filter(([, provider]) => provider.enabled),
  );
  return {
    siteUrl: auth.site_url,
    redirectAllowList: auth.additional_redirect_urls,
    jwtExpiry: auth.jwt_expiry,
    rotation: auth.enable_refresh_token_rotation,
    reuseIntervalSeconds: auth.refresh_token_reuse_interval,
    signupEnabled: auth.enable_signup,
    emailEnabled: auth.email.enable_signup,
    anonymousEnabled: auth.enable_anonymous_sign_ins,
    autoconfirm: !auth.email.enable_confirmations,
    minPasswordLength: auth.minimum_password_length,
    passwordRequirements: auth.password_requirements,
    emailMaxFrequencyMs: parseGoDuration(auth.email.max_frequency) ?? 1000,
    otpLength: auth.email.otp_length,
    otpExpirySeconds: auth.email.otp_expiry,
    doubleConfirmChanges: auth.email.double_confirm_changes,
    securePasswordChange: auth.email.secure_password_change,
    external,
    flowStateTtlSeconds: 300,
    adminRoles: ["service_role", "supabase_admin"],
    audience: "authenticated",
  };
}
