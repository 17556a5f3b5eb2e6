import { notImplemented } from "../gateway/not-implemented.ts";
import type { Service } from "../gateway/service.ts";
import type { StackContext } from "../stack/context.ts";

export function createAuthService(_ctx: StackContext): Service {
  return notImplemented("Auth");
}
