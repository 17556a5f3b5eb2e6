import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig } from "../../src/config/load-config.ts";
import { start } from "../../src/stack/start.ts";

describe("config.toml", () => {
  it("reads the CLI's keys and fills in CLI defaults for missing ones", () => {
    const config = parseConfig(
      `project_id = "p"\n[api]\nport = 6000\n[auth]\nsite_url = "http://localhost:5173"\nunknown_key = 1\n[auth.email]\nenable_confirmations = true\n`,
      "config.toml",
    );
    expect(config.api.port).toBe(6000);
    expect(config.db.port).toBe(54322);
    expect(config.auth.site_url).toBe("http://localhost:5173");
    expect(config.auth.email.enable_confirmations).toBe(true);
    expect(config.auth.jwt_expiry).toBe(3600);
  });

  it("names file, line and column of broken TOML in one line", () => {
    const error = catchError(() =>
      parseConfig('project_id = "p"\n[api\nport = 1\n', "/x/config.toml"),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^\/x\/config\.toml:2:\d+: invalid TOML/);
    expect(error.message).not.toContain("\n");
  });

  it("names the section and key of a bad value", () => {
    const error = catchError(() => parseConfig('[auth]\njwt_expiry = "soon"\n', "/x/config.toml"));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^\/x\/config\.toml: \[auth\] jwt_expiry: /);
    const nested = catchError(() => parseConfig("[auth.email]\notp_length = 99\n", "c.toml"));
    expect(nested.message).toMatch(/^c\.toml: \[auth\.email\] otp_length: /);
  });

  it("uses CLI defaults when the folder has no config.toml", async () => {
    const config = await loadConfig(join(tmpdir(), "no-such-supabase-folder"));
    expect(config.api.port).toBe(54321);
    expect(config.inbucket.smtp_port).toBe(54325);
  });
});

describe("start() with a broken config.toml", () => {
  let root: string;
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("stops before creating anything in the data folder", async () => {
    root = await mkdtemp(join(tmpdir(), "supabase-local-config-"));
    await writeFile(join(root, "config.toml"), "[db]\nport = -5\n");
    const dataDir = join(root, "data");
    await expect(start({ dir: dataDir, supabaseDir: root, log: () => {} })).rejects.toThrow(
      /config\.toml: \[db\] port: /,
    );
    expect(existsSync(dataDir)).toBe(false);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
