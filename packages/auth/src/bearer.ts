import { TokenError } from "./token-error.ts";

/**
 * The token of an `Authorization: Bearer <token>` header; null when there is no header at all.
 * Any other scheme or an empty value is refused, so a typo never silently downgrades to anonymous.
 */
export function extractBearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  if (!match?.[1])
    throw new TokenError("malformed", "Authorization header is not 'Bearer <token>'");
  return match[1];
}
