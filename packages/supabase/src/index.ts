export { type BrowserClient, createBrowserClient } from "./browser.ts";
export type {
  Database,
  Functions,
  Json,
  Tables,
  TablesInsert,
  TablesUpdate,
} from "./database.gen.ts";
export {
  createSecretClient,
  createUserClient,
  type SecretClientOptions,
  type TypedSupabaseClient,
  type UserClientOptions,
} from "./server.ts";
