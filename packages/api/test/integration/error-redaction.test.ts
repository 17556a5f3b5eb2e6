import { createAccessTokenVerifier } from "@docket/auth";
import { describe, expect, it } from "vitest";
import { appRouter, createCallerFactory, createContextInner } from "../../src/index.ts";
import { errorShapeOf, newUser, stack } from "../helpers.ts";

describe("unexpected failures", () => {
  it("answer 500 with a generic message and the request id; details go to the log only", async () => {
    const user = await newUser("redact");
    const claims = await createAccessTokenVerifier({ supabaseUrl: stack.apiUrl }).verify(
      user.token,
    );
    const logged: { details: Record<string, unknown>; message: string }[] = [];
    const log = (details: Record<string, unknown>, message: string) =>
      logged.push({ details, message });
    // A Supabase URL nothing listens on: every Data API call fails in a way no caller caused.
    const ctx = createContextInner({
      requestId: "req-redact-1",
      user: claims,
      token: user.token,
      deps: {
        supabaseUrl: "http://127.0.0.1:9",
        publishableKey: stack.publishableKey,
        secretKey: stack.secretKey,
        logger: { info: log, warn: log, error: log },
      },
    });
    const caller = createCallerFactory(appRouter)(ctx);

    const shape = await errorShapeOf(caller.documents.list({}), ctx);
    expect(shape.data.httpStatus).toBe(500);
    expect(shape.message).toBe("Internal server error");
    expect(shape.data.requestId).toBe("req-redact-1");
    expect(JSON.stringify(shape)).not.toContain("127.0.0.1");
    expect(shape.data).not.toHaveProperty("stack");
    expect(logged).toEqual([
      expect.objectContaining({
        message: "unexpected Supabase error",
        details: expect.objectContaining({
          requestId: "req-redact-1",
          operation: "documents.list",
        }),
      }),
    ]);
    expect(JSON.stringify(logged)).not.toContain(stack.secretKey);
    expect(JSON.stringify(logged)).not.toContain(user.token);
  });
});
