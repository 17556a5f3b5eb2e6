// Input checks shared by several endpoints, with GoTrue's codes and messages.
import { AuthError } from "./errors.ts";
import type { JsonObject } from "./json-body.ts";
import { optionalString } from "./json-body.ts";

// Same spirit as GoTrue's format check: a local part, one @, a dotted domain, no spaces.
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Returns the lower-cased address or throws 400 `validation_failed`. */
export function validateEmail(email: string): string {
  if (email === "") throw new AuthError(400, "validation_failed", "An email address is required");
  if (email.length > 255)
    throw new AuthError(400, "validation_failed", "An email address is too long");
  if (!EMAIL_FORMAT.test(email)) {
    throw new AuthError(
      400,
      "validation_failed",
      "Unable to validate email address: invalid format",
    );
  }
  return email.toLowerCase();
}

export interface PkceParams {
  challenge: string;
  method: "s256" | "plain";
}

/** `code_challenge` + `code_challenge_method`: both or neither (nulls count as absent). */
export function readPkceParams(body: JsonObject): PkceParams | null {
  const challenge = optionalString(body, "code_challenge") ?? "";
  const method = (optionalString(body, "code_challenge_method") ?? "").toLowerCase();
  if (challenge === "" && method === "") return null;
  return checkPkce(challenge, method);
}

export function checkPkce(challenge: string, method: string): PkceParams {
  if (challenge === "" || method === "") {
    throw new AuthError(
      400,
      "validation_failed",
      "PKCE flow requires code_challenge_method and code_challenge",
    );
  }
  if (method !== "s256" && method !== "plain") {
    throw new AuthError(400, "validation_failed", `code challenge method not supported: ${method}`);
  }
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(challenge)) {
    throw new AuthError(
      400,
      "validation_failed",
      "code challenge has to be between 43 and 128 characters",
    );
  }
  return { challenge, method };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `data` / `user_metadata` objects: absent → `{}`. */
export function metadataField(body: JsonObject, key: string): Record<string, unknown> {
  const value = body[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new AuthError(400, "validation_failed", `${key} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
