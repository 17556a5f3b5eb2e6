import { apiErrorData, describeApiError as describe } from "@docket/ui/api";

const wording = {
  status: {
    401: "You are signed out. Please sign in again.",
    403: "You are not allowed to do that.",
    404: "Not found. It may have been deleted, or it is not yours.",
    413: "That is too large.",
    429: "Too many requests. Wait a moment and try again.",
    500: "Something went wrong on our side.",
  },
  offline: "Cannot reach the server. Check your connection and try again.",
};

/** A sentence for the user from whatever the API call threw. Field errors are listed. */
export function describeApiError(error: unknown): string {
  return describe(error, wording);
}

/** 404, or a 400 about the id itself (a mangled id in the URL is just as "not there"). */
export function isNotFound(error: unknown): boolean {
  const data = apiErrorData(error);
  if (data?.httpStatus === 404) return true;
  return data?.httpStatus === 400 && Boolean(data.zodError?.fieldErrors?.id);
}
