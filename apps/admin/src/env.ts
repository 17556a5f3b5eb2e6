import { type BrowserEnv, parseBrowserEnv } from "@docket/env/browser";

// Read once at start-up; a missing value stops the app with a message saying how to fix it.
export const env: BrowserEnv = parseBrowserEnv(import.meta.env);
