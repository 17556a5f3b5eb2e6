// supabase/config.toml as the Supabase CLI reads it: same sections and key names, CLI defaults.
// Unknown keys are ignored (the CLI has many we do not need); wrong types stop start-up.
import { z } from "zod";

const port = z.number().int().min(0).max(65535);

const externalProvider = z.object({
  enabled: z.boolean().default(false),
  client_id: z.string().default(""),
  secret: z.string().default(""),
  /** Issuer / base URL for OpenID Connect providers (GitHub and Google have fixed defaults). */
  url: z.string().default(""),
  redirect_uri: z.string().default(""),
  skip_nonce_check: z.boolean().default(false),
});

export const configSchema = z.object({
  project_id: z.string().min(1).default("docket"),
  api: z
    .object({
      port: port.default(54321),
      schemas: z.array(z.string()).default(["public", "graphql_public"]),
      extra_search_path: z.array(z.string()).default(["public", "extensions"]),
      max_rows: z.number().int().positive().default(1000),
    })
    .prefault({}),
  db: z
    .object({
      port: port.default(54322),
      major_version: z.number().int().default(17),
      seed: z
        .object({
          enabled: z.boolean().default(true),
          sql_paths: z.array(z.string()).default(["./seed.sql"]),
        })
        .prefault({}),
    })
    .prefault({}),
  inbucket: z
    .object({
      enabled: z.boolean().default(true),
      port: port.default(54324),
      /** SMTP port of the local mail catcher (the app's own notifications send here). */
      smtp_port: port.default(54325),
    })
    .prefault({}),
  storage: z
    .object({
      enabled: z.boolean().default(true),
      file_size_limit: z.string().default("50MiB"),
    })
    .prefault({}),
  auth: z
    .object({
      enabled: z.boolean().default(true),
      site_url: z.string().url().default("http://127.0.0.1:3000"),
      additional_redirect_urls: z.array(z.string()).default(["https://127.0.0.1:3000"]),
      jwt_expiry: z.number().int().min(30).max(604800).default(3600),
      enable_refresh_token_rotation: z.boolean().default(true),
      refresh_token_reuse_interval: z.number().int().min(0).default(10),
      enable_signup: z.boolean().default(true),
      enable_anonymous_sign_ins: z.boolean().default(false),
      minimum_password_length: z.number().int().min(6).default(6),
      password_requirements: z
        .enum([
          "",
          "letters_digits",
          "lower_upper_letters_digits",
          "lower_upper_letters_digits_symbols",
        ])
        .default(""),
      email: z
        .object({
          enable_signup: z.boolean().default(true),
          double_confirm_changes: z.boolean().default(true),
          enable_confirmations: z.boolean().default(false),
          secure_password_change: z.boolean().default(false),
          max_frequency: z.string().default("1s"),
          otp_length: z.number().int().min(6).max(10).default(6),
          otp_expiry: z.number().int().positive().default(3600),
        })
        .prefault({}),
      external: z.record(z.string(), externalProvider).default({}),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ExternalProviderConfig = z.infer<typeof externalProvider>;
