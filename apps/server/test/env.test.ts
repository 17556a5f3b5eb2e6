// The server's environment: defaults, the CORS list, and one clear line for a bad value.
import { EnvError, parseServerEnv } from "@docket/env";
import { describe, expect, it } from "vitest";

const required = {
  SUPABASE_URL: "http://127.0.0.1:54321",
  SUPABASE_PUBLISHABLE_KEY: "sb_publishable_0123456789abcdefghij",
  SUPABASE_SECRET_KEY: "sb_secret_0123456789abcdefghijklmn",
};

describe("server env", () => {
  it("applies defaults", () => {
    const env = parseServerEnv(required);
    expect(env.PORT).toBe(3001);
    expect(env.SUPABASE_JWT_SECRET).toBeUndefined();
    expect(env.CORS_ORIGINS).toContain("http://localhost:5173");
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.RATE_LIMIT_USER_BURST).toBeGreaterThan(env.TRPC_MAX_BATCH_SIZE);
  });

  it("splits and validates the CORS allow-list", () => {
    const env = parseServerEnv({
      ...required,
      CORS_ORIGINS: " https://a.example , https://b.example ",
    });
    expect(env.CORS_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(() => parseServerEnv({ ...required, CORS_ORIGINS: "https://a.example,*" })).toThrow(
      /^CORS_ORIGINS is invalid/,
    );
  });

  it("names a missing secret key and a bad number in one line each", () => {
    const { SUPABASE_SECRET_KEY: _omitted, ...withoutSecret } = required;
    expect(() => parseServerEnv(withoutSecret)).toThrow(EnvError);
    expect(() => parseServerEnv(withoutSecret)).toThrow(/^SUPABASE_SECRET_KEY is missing/);
    expect(() => parseServerEnv({ ...required, PORT: "http" })).toThrow(/^PORT is invalid/);
    expect(() => parseServerEnv({ ...required, TRUST_PROXY: "yes" })).toThrow(
      /^TRUST_PROXY is invalid/,
    );
  });
});
