// Logs must never contain a token or a secret, whether it arrives in a known field, inside an
// error message, or nested in an object a library logged.
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";

const SECRET = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";
const LEGACY = "super-secret-jwt-token-with-at-least-32-characters-long";
const JWT =
  "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjMiLCJyb2xlIjoiYXV0aGVudGljYXRlZCJ9.c2lnbmF0dXJl";

function collect() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    secrets: [SECRET, LEGACY],
    destination: { write: (line) => void lines.push(line) },
  });
  return { lines, logger };
}

describe("logger", () => {
  it("redacts known sensitive fields by path", () => {
    const { lines, logger } = collect();
    logger.info({ req: { headers: { authorization: `Bearer ${JWT}`, apikey: SECRET } } }, "req");
    logger.info({ token: JWT, nested: { password: "hunter2hunter2", accessToken: JWT } });
    const out = lines.join("");
    expect(out).toContain("[redacted]");
    expect(out).not.toContain(JWT);
    expect(out).not.toContain("hunter2hunter2");
    expect(out).not.toContain(SECRET);
  });

  it("scrubs tokens and keys that hide in messages and errors", () => {
    const { lines, logger } = collect();
    logger.error({ err: new Error(`upstream said: bad jwt ${JWT}`) }, `calling with ${SECRET}`);
    logger.warn({ detail: `legacy secret is ${LEGACY}`, other: "sb_publishable_abcdefghij" });
    const out = lines.join("");
    expect(out).not.toContain(JWT);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(LEGACY);
    expect(out).not.toContain("sb_publishable_abcdefghij");
    expect(out).toContain("upstream said: bad jwt [redacted-jwt]");
  });

  it("still writes one parseable JSON line per entry", () => {
    const { lines, logger } = collect();
    logger.info({ requestId: "r-123456789", status: 200 }, "done");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ requestId: "r-123456789", msg: "done" });
  });
});
