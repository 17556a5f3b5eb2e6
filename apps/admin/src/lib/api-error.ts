import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  httpStatus?: number;
  requestId?: string | null;
  zodError?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[] | undefined>;
  } | null;
}

function dataOf(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

export function httpStatusOf(error: unknown): number | undefined {
  return dataOf(error)?.httpStatus;
}

/** The server said "not an admin" (maybe revoked a moment ago): the UI shows the refusal. */
export function isForbidden(error: unknown): boolean {
  return httpStatusOf(error) === 403;
}

/** A sentence an operator can act on, from whatever an API call threw. */
export function describeApiError(error: unknown): string {
  const data = dataOf(error);
  const fields = [
    ...(data?.zodError?.formErrors ?? []),
    ...Object.entries(data?.zodError?.fieldErrors ?? {}).map(
      ([field, messages]) => `${field}: ${messages?.join(", ")}`,
    ),
  ].join("; ");
  if (fields) return fields;
  switch (data?.httpStatus) {
    case 401:
      return "Your session has ended. Sign in again.";
    case 403:
      return "You are not an admin (any more).";
    case 500:
      return `Something went wrong on the server.${data.requestId ? ` Reference: ${data.requestId}` : ""}`;
  }
  if (error instanceof Error) {
    if (error.message === "Failed to fetch") return "Cannot reach the API server.";
    return error.message || "Something went wrong.";
  }
  return "Something went wrong.";
}
