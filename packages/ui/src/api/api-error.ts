// What a failed tRPC call carries (the server's errorFormatter adds requestId and zodError), and
// the parts of turning it into a sentence that every app shares; each app words it for its users.
import { TRPCClientError } from "@trpc/client";

export interface ApiErrorData {
  httpStatus?: number;
  code?: string;
  requestId?: string | null;
  zodError?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[] | undefined>;
  } | null;
}

export function apiErrorData(error: unknown): ApiErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ApiErrorData | undefined) : undefined;
}

export function httpStatusOf(error: unknown): number | undefined {
  return apiErrorData(error)?.httpStatus;
}

/** 4xx answers do not get better by asking again; network hiccups and 5xx may. */
export function retryUnlessRefused(failureCount: number, error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < 2;
}

export interface ApiErrorWording {
  /** A sentence per HTTP status; a 500's request id is added as a reference. */
  status: Partial<Record<number, string>>;
  /** The API could not be reached at all. */
  offline: string;
}

/** A sentence from whatever an API call threw: input errors listed by field, then `wording`. */
export function describeApiError(error: unknown, wording: ApiErrorWording): string {
  const data = apiErrorData(error);
  const fields = [
    ...(data?.zodError?.formErrors ?? []),
    ...Object.entries(data?.zodError?.fieldErrors ?? {}).map(
      ([field, messages]) => `${field}: ${messages?.join(", ")}`,
    ),
  ].join("; ");
  if (fields) return fields;
  const sentence = data?.httpStatus === undefined ? undefined : wording.status[data.httpStatus];
  if (sentence) {
    return data?.httpStatus === 500 && data.requestId
      ? `${sentence} Reference: ${data.requestId}`
      : sentence;
  }
  if (!(error instanceof Error)) return "Something went wrong.";
  if (error.message === "Failed to fetch" || error.message.includes("NetworkError")) {
    return wording.offline;
  }
  return error.message || "Something went wrong.";
}
