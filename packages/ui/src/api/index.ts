export {
  type ApiErrorData,
  type ApiErrorWording,
  apiErrorData,
  describeApiError,
  httpStatusOf,
  retryUnlessRefused,
} from "./api-error.ts";
export { createAuthedFetch, type TokenSource } from "./authed-fetch.ts";
export { apiLinkOptions } from "./link.ts";
