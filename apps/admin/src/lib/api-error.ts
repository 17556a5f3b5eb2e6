import { describeApiError as describe, httpStatusOf } from "@docket/ui/api";

const wording = {
  status: {
    401: "Your session has ended. Sign in again.",
    403: "You are not an admin (any more).",
    500: "Something went wrong on the server.",
  },
  offline: "Cannot reach the API server.",
};

/** A sentence an operator can act on, from whatever an API call threw. */
export function describeApiError(error: unknown): string {
  return describe(error, wording);
}

/** The server said "not an admin" (maybe revoked a moment ago): the UI shows the refusal. */
export function isForbidden(error: unknown): boolean {
  return httpStatusOf(error) === 403;
}
