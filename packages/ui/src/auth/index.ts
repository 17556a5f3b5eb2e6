export { describeAuthError } from "./auth-errors.ts";
export { type BrowserAuthOptions, createBrowserAuth } from "./browser-auth.ts";
export { sessionTokens } from "./session-tokens.ts";
