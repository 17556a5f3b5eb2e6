import { describe, expect, it } from "vitest";
import { fieldError, toTRPCError } from "../../src/errors.ts";
import { fieldErrorsFrom } from "../../src/lib/field-errors.ts";
import { createContextInner } from "../../src/trpc.ts";

function contextWithLog() {
  const lines: { details: Record<string, unknown>; message: string }[] = [];
  const push = (details: Record<string, unknown>, message: string) =>
    lines.push({ details, message });
  const ctx = createContextInner({
    requestId: "req-1",
    user: null,
    token: null,
    deps: {
      supabaseUrl: "http://x",
      publishableKey: "p",
      secretKey: "s",
      logger: { info: push, warn: push, error: push },
    },
  });
  return { ctx, lines };
}

describe("toTRPCError", () => {
  it("passes our own SQL errors through with their status", () => {
    const { ctx } = contextWithLog();
    const error = toTRPCError(ctx, "op", {
      code: "PT409",
      message: "Only a failed job can be retried",
    });
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("Only a failed job can be retried");
  });

  it("maps known database errors to 4xx with a generic message", () => {
    const { ctx } = contextWithLog();
    expect(
      toTRPCError(ctx, "op", {
        code: "23505",
        message: 'duplicate key value violates unique constraint "x"',
      }),
    ).toMatchObject({
      code: "CONFLICT",
      message: "It already exists",
    });
    expect(toTRPCError(ctx, "op", { code: "22P02", message: "invalid input syntax" }).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("reads Storage's status from the body, where it differs from the HTTP status", () => {
    const { ctx } = contextWithLog();
    expect(
      toTRPCError(ctx, "op", { message: "Object not found", status: 400, statusCode: "404" }).code,
    ).toBe("NOT_FOUND");
    expect(
      toTRPCError(ctx, "op", { message: "too big", status: 413, statusCode: "413" }).code,
    ).toBe("PAYLOAD_TOO_LARGE");
  });

  it("redacts anything unexpected and logs it with the request id", () => {
    const { ctx, lines } = contextWithLog();
    const error = toTRPCError(ctx, "documents.list", {
      code: "XX000",
      message: "internal detail: /var/lib/x",
    });
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toContain("internal detail");
    expect(lines).toEqual([
      {
        message: "unexpected Supabase error",
        details: expect.objectContaining({
          requestId: "req-1",
          operation: "documents.list",
          err: "internal detail: /var/lib/x",
        }),
      },
    ]);
  });
});

describe("field errors", () => {
  it("fieldError names the field like a schema error would", () => {
    expect(fieldErrorsFrom(fieldError("fileName", "Bad name").cause)).toEqual({
      formErrors: [],
      fieldErrors: { fileName: ["Bad name"] },
    });
  });

  it("groups issues by dotted path and keeps whole-input issues apart", () => {
    expect(
      fieldErrorsFrom({
        issues: [
          { path: ["jobIds", 0], message: "Invalid UUID" },
          { path: ["jobIds", 0], message: "Second" },
          { path: [], message: "Change something" },
        ],
      }),
    ).toEqual({
      formErrors: ["Change something"],
      fieldErrors: { "jobIds.0": ["Invalid UUID", "Second"] },
    });
  });

  it("is null for causes without issues", () => {
    expect(fieldErrorsFrom(new Error("x"))).toBeNull();
  });
});
