// OPTIONS on a relation: which methods it allows (spec §1.1).
import type { RestRequest } from "../request.ts";
import type { RestResponse } from "../response.ts";
import type { Relation } from "../schema-cache/types.ts";

export async function handleOptions(_r: RestRequest, relation: Relation): Promise<RestResponse> {
  const allow = ["OPTIONS", "GET", "HEAD"];
  if (relation.insertable) allow.push("POST");
  if (relation.insertable && relation.updatable && relation.primaryKey.length) allow.push("PUT");
  if (relation.updatable) allow.push("PATCH");
  if (relation.deletable) allow.push("DELETE");
  return { status: 200, headers: { Allow: allow.join(",") }, body: null };
}
