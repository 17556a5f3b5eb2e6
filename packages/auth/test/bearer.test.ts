import { describe, expect, it } from "vitest";
import { extractBearerToken, TokenError } from "../src/index.ts";

describe("extractBearerToken", () => {
  it("returns null when there is no header", () => {
    expect(extractBearerToken(undefined)).toBeNull();
  });

  it("returns the token of a Bearer header, scheme case-insensitive", () => {
    expect(extractBearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(extractBearerToken("bearer abc.def.ghi")).toBe("abc.def.ghi");
  });

  it.each(["", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "abc.def.ghi"])(
    "refuses %j as malformed",
    (header) => {
      expect(() => extractBearerToken(header)).toThrow(TokenError);
    },
  );
});
