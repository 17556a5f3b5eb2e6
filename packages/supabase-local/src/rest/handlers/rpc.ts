import { RestError } from "../errors.ts";
import type { RestRequest } from "../request.ts";
import type { RestResponse } from "../response.ts";
import type { HandlerEnv } from "./env.ts";

export async function handleRpc(
  _e: HandlerEnv,
  _r: RestRequest,
  _fn: string,
): Promise<RestResponse> {
  throw new RestError(501, "PGRST127", "Feature not implemented");
}
