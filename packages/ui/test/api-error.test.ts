import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeApiError, httpStatusOf, retryUnlessRefused } from "../src/api/api-error.ts";

const wording = {
  status: { 403: "Not allowed.", 500: "Broken on our side." },
  offline: "Offline.",
};

function apiError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("describeApiError", () => {
  it("lists input errors by field before anything else", () => {
    const error = apiError("bad", {
      httpStatus: 400,
      zodError: { formErrors: ["Too many"], fieldErrors: { title: ["Required", "Too short"] } },
    });
    expect(describeApiError(error, wording)).toBe("Too many; title: Required, Too short");
  });

  it("words a status as the app asks, with the request id of a 500 as a reference", () => {
    expect(describeApiError(apiError("no", { httpStatus: 403 }), wording)).toBe("Not allowed.");
    expect(describeApiError(apiError("x", { httpStatus: 500, requestId: "req-1" }), wording)).toBe(
      "Broken on our side. Reference: req-1",
    );
    expect(httpStatusOf(apiError("x", { httpStatus: 403 }))).toBe(403);
  });

  it("tells an unreachable API from other failures", () => {
    expect(describeApiError(new TypeError("Failed to fetch"), wording)).toBe("Offline.");
    expect(describeApiError(apiError("Conflict here", { httpStatus: 409 }), wording)).toBe(
      "Conflict here",
    );
    expect(describeApiError("???", wording)).toBe("Something went wrong.");
  });
});

describe("retryUnlessRefused", () => {
  it("never repeats a 4xx, and repeats anything else twice", () => {
    expect(retryUnlessRefused(0, apiError("x", { httpStatus: 404 }))).toBe(false);
    expect(retryUnlessRefused(1, apiError("x", { httpStatus: 503 }))).toBe(true);
    expect(retryUnlessRefused(2, new TypeError("Failed to fetch"))).toBe(false);
  });
});
