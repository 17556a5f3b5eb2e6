import { notImplemented } from "../gateway/not-implemented.ts";
import type { Service } from "../gateway/service.ts";
import type { StackContext } from "../stack/context.ts";

export interface RestService extends Service {
  /** Re-reads the schema cache (after migrations, or on NOTIFY pgrst 'reload schema'). */
  reloadSchema(): Promise<void>;
}

export function createRestService(_ctx: StackContext): RestService {
  return { ...notImplemented("Data API"), async reloadSchema() {} };
}
