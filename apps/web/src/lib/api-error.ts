import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  httpStatus?: number;
  code?: string;
  requestId?: string | null;
  zodError?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[] | undefined>;
  } | null;
}

/** A sentence for the user from whatever the API call threw. Field errors are listed. */
export function describeApiError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    const fields = [
      ...(data?.zodError?.formErrors ?? []),
      ...Object.entries(data?.zodError?.fieldErrors ?? {}).map(
        ([field, messages]) => `${field}: ${messages?.join(", ")}`,
      ),
    ].join("; ");
    if (fields) return fields;
    switch (data?.httpStatus) {
      case 401:
        return "You are signed out. Please sign in again.";
      case 403:
        return "You are not allowed to do that.";
      case 404:
        return "Not found. It may have been deleted, or it is not yours.";
      case 413:
        return "That is too large.";
      case 429:
        return "Too many requests. Wait a moment and try again.";
      case 500:
        return `Something went wrong on our side.${data.requestId ? ` Reference: ${data.requestId}` : ""}`;
    }
    if (error.message === "Failed to fetch" || error.message.includes("NetworkError")) {
      return "Cannot reach the server. Check your connection and try again.";
    }
    return error.message || "Something went wrong.";
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** 404, or a 400 about the id itself (a mangled id in the URL is just as "not there"). */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as ErrorData | undefined;
  if (data?.httpStatus === 404) return true;
  return data?.httpStatus === 400 && Boolean(data.zodError?.fieldErrors?.id);
}
