import { RestError } from "../errors.ts";
import type { RestRequest } from "../request.ts";
import type { RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";
import type { HandlerEnv } from "./env.ts";

export async function handleInsert(
  _e: HandlerEnv,
  _r: RestRequest,
  _rel: Relation,
): Promise<RestResponse> {
  throw new RestError(501, "PGRST127", "Feature not implemented");
}
