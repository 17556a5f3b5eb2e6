// POST /signup: e-mail + password sign-up (spec §2.2) and anonymous sign-in (§2.3).

import { randomUUID } from "node:crypto";
import { audit } from "../audit.ts";
import { isUniqueViolation, withTx } from "../db.ts";
import type { AuthDeps, AuthRequest, Handler } from "../deps.ts";
import { assertCanSend, issueEmailToken } from "../email-tokens.ts";
import { AuthError, sendJson } from "../errors.ts";
import { createFlowState } from "../flow-state.ts";
import type { JsonObject } from "../json-body.ts";
import { optionalString, readJsonObject } from "../json-body.ts";
import { sendAuthMail } from "../mailer.ts";
import { confirmEmail, createEmailUser } from "../new-user.ts";
import { assertAcceptablePassword, hashPassword } from "../passwords.ts";
import { redirectTarget } from "../redirect.ts";
import { startSession } from "../sessions.ts";
import { loadUserJson, sessionResponse } from "../tokens.ts";
import { findUserByEmail, insertUser } from "../users-repo.ts";
import { metadataField, readPkceParams, validateEmail } from "../validate.ts";

export const signup: Handler = async (deps, request) => {
  const body = await readJsonObject(request.req);
  const settings = deps.settings;
  if (!settings.signupEnabled) {
    throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
  }
  const email = optionalString(body, "email") ?? "";
  const phone = optionalString(body, "phone") ?? "";
  if (email === "" && phone === "") return anonymousSignup(deps, request, body);

  const password = optionalString(body, "password") ?? "";
  assertAcceptablePassword(password, settings, "Signup requires a valid password");
  if (email !== "" && phone !== "") {
    throw new AuthError(
      400,
      "validation_failed",
      "Only an email address or phone number should be provided on signup.",
    );
  }
  const pkce = readPkceParams(body);
  if (phone !== "")
    throw new AuthError(400, "phone_provider_disabled", "Phone signups are disabled");
  if (!settings.emailEnabled)
    throw new AuthError(400, "email_provider_disabled", "Email signups are disabled");
  const address = validateEmail(email);
  const data = metadataField(body, "data");
  const redirectTo = redirectTarget(settings, request.url.searchParams.get("redirect_to"));
  const encryptedPassword = await hashPassword(password);

  const result = await withTx(deps.pool, async (db) => {
    const existing = await findUserByEmail(db, address, true);
    if (existing?.email_confirmed_at) {
      if (settings.autoconfirm)
        throw new AuthError(422, "user_already_exists", "User already registered");
      return obfuscatedUser(address, data);
    }
    const userId =
      existing?.id ??
      (await createEmailUser(db, {
        email: address,
        encryptedPassword,
        data,
        aud: settings.audience,
      }));
    if (!existing && settings.autoconfirm) {
      await confirmEmail(db, userId);
      return sessionResponse(
        deps,
        db,
        userId,
        await startSession(db, userId, "password", request.client),
      );
    }
    // Unconfirmed (new or existing): the stored user is not touched, a confirmation is (re)sent.
    assertCanSend(existing?.confirmation_sent_at ?? null, settings);
    if (pkce) {
      await createFlowState(db, { userId, pkce, providerType: "email", method: "email/signup" });
    }
    const token = await issueEmailToken(db, { id: userId }, "confirmation", address, {
      pkce: !!pkce,
      settings,
    });
    await sendAuthMail(deps, { to: address, kind: "signup", redirectTo, ...token });
    return loadUserJson(db, userId);
  }).catch(databaseError("Database error saving new user"));
  sendJson(request.res, 200, result);
};

/** A failing app trigger or constraint: GoTrue's 500 message, the cause stays in the log. */
function databaseError(message: string) {
  return (error: unknown): never => {
    if (error instanceof AuthError) throw error;
    // Two sign-ups racing for one address: the loser gets what a sequential second one gets.
    if (isUniqueViolation(error, "users_email_partial_key")) {
      throw new AuthError(422, "user_already_exists", "User already registered");
    }
    throw new AuthError(500, "unexpected_failure", message, {}, error);
  };
}

/** What GoTrue answers for an already-confirmed e-mail when confirmations are on: a fake user
 * with no identities, so the reply does not reveal that the address is registered. */
function obfuscatedUser(email: string, data: Record<string, unknown>): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    aud: "authenticated",
    role: "",
    email,
    phone: "",
    confirmation_sent_at: now,
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}

async function anonymousSignup(
  deps: AuthDeps,
  request: AuthRequest,
  body: JsonObject,
): Promise<void> {
  if (!deps.settings.anonymousEnabled) {
    throw new AuthError(422, "anonymous_provider_disabled", "Anonymous sign-ins are disabled");
  }
  const data = metadataField(body, "data");
  const result = await withTx(deps.pool, async (db) => {
    const id = randomUUID();
    await insertUser(db, {
      id,
      email: null,
      encryptedPassword: "",
      userMetadata: data,
      appMetadata: {},
      aud: deps.settings.audience,
      isAnonymous: true,
    });
    await db.query("update auth.users set role = 'authenticated' where id = $1", [id]);
    await audit(db, id, "user_signedup", { provider: "anonymous" }, request.client.ip);
    return sessionResponse(deps, db, id, await startSession(db, id, "anonymous", request.client));
  });
  sendJson(request.res, 200, result);
}
