import { describe, expect, it } from "vitest";
import { anonymous, newUser, secret } from "../helpers.ts";

describe("me", () => {
  it("returns the verified identity of a normal user", async () => {
    const user = await newUser("me");
    await expect(user.caller.me()).resolves.toEqual({
      id: user.id,
      email: user.email,
      role: "authenticated",
      isAdmin: false,
    });
  });

  it("reads isAdmin from user_roles on every call, not from the token", async () => {
    const user = await newUser("me-admin");
    expect((await user.caller.me()).isAdmin).toBe(false);
    await secret.from("user_roles").insert({ user_id: user.id, role: "admin" });
    expect((await user.caller.me()).isAdmin).toBe(true);
  });

  it("refuses anonymous callers with 401", async () => {
    await expect(anonymous().me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous().ping()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("ping answers with the caller and the request id", async () => {
    const user = await newUser("ping");
    const result = await user.caller.ping();
    expect(result.userId).toBe(user.id);
    expect(result.requestId).toMatch(/^test-/);
  });
});
