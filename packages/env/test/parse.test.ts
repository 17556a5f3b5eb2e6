import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, parseEnv } from "../src/parse.ts";

const shape = {
  SUPABASE_URL: { schema: z.string().url(), hint: "the API URL of your project" },
  PORT: { schema: z.coerce.number().int().default(3001), hint: "a TCP port" },
};

describe("parseEnv", () => {
  it("returns typed values and applies defaults", () => {
    const env = parseEnv(shape, { SUPABASE_URL: "http://127.0.0.1:54321" });
    expect(env).toEqual({ SUPABASE_URL: "http://127.0.0.1:54321", PORT: 3001 });
  });

  it("names a missing variable and how to get it, in one line", () => {
    expect(() => parseEnv(shape, {})).toThrowError(
      new EnvError("SUPABASE_URL is missing: the API URL of your project"),
    );
  });

  it("treats an empty value as missing", () => {
    expect(() => parseEnv(shape, { SUPABASE_URL: "" })).toThrow(/SUPABASE_URL is missing/);
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv(shape, { SUPABASE_URL: "not a url" })).toThrow(
      /^SUPABASE_URL is invalid \(.+\): the API URL of your project$/,
    );
    expect(() => parseEnv(shape, { SUPABASE_URL: "http://x", PORT: "abc" })).toThrow(
      /^PORT is invalid/,
    );
  });
});
