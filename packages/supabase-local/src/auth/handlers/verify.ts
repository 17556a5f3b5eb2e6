// POST /verify (verifyOtp: returns a session) and GET /verify (the link in the e-mail: 303 to the
// app with tokens in the fragment, or `?code=` for PKCE flows).
import type { Db } from "../db.ts";
import { withTx } from "../db.ts";
import type { AuthDeps, Handler } from "../deps.ts";
import { LINK_KINDS } from "../email-flow.ts";
import { AuthError, sendJson } from "../errors.ts";
import { issueAuthCode, latestFlowStateOf } from "../flow-state.ts";
import { optionalString, readJsonObject } from "../json-body.ts";
import { redirectTarget } from "../redirect.ts";
import { errorRedirect, implicitRedirect, redirectTo303 } from "../redirects.ts";
import type { ClientInfo } from "../sessions.ts";
import { startSession } from "../sessions.ts";
import { sessionResponse } from "../tokens.ts";
import { validateEmail } from "../validate.ts";
import type { VerifyType } from "../verify-token.ts";
import { consumeToken, findToken, VERIFY_TYPES } from "../verify-token.ts";

const HALF_DONE = {
  msg: "Confirmation link accepted. Please proceed to confirm link sent to the other email",
  code: "200",
};

function verifyType(raw: string | undefined | null): VerifyType {
  if (!raw) throw new AuthError(400, "validation_failed", "Verify requires a verification type");
  if (raw === "sms" || raw === "phone_change")
    throw new AuthError(400, "phone_provider_disabled", "Unsupported phone provider");
  if (!(VERIFY_TYPES as readonly string[]).includes(raw)) {
    throw new AuthError(400, "validation_failed", "Unsupported verification type");
  }
  return raw as VerifyType;
}

function assertNotBanned(banned: Date | null): void {
  if (banned && banned.getTime() > Date.now())
    throw new AuthError(403, "user_banned", "User is banned");
}

export const verifyPost: Handler = async (deps, request) => {
  const body = await readJsonObject(request.req);
  const type = verifyType(optionalString(body, "type"));
  const token = optionalString(body, "token") ?? "";
  const tokenHash = optionalString(body, "token_hash") ?? "";
  const email = optionalString(body, "email") ?? "";
  if ((token === "") === (tokenHash === "")) {
    throw new AuthError(400, "validation_failed", "Verify requires either a token or a token hash");
  }
  if (tokenHash && (email || optionalString(body, "phone"))) {
    throw new AuthError(
      400,
      "validation_failed",
      "Only the token_hash and type should be provided",
    );
  }
  if (token && email === "")
    throw new AuthError(400, "validation_failed", "Verify requires an email or a phone number");
  const by = tokenHash ? { tokenHash } : { email: validateEmail(email), otp: token };
  const result = await withTx(deps.pool, async (db) => {
    const found = await findToken(db, type, by, deps.settings);
    assertNotBanned(found.user.banned_until);
    if (!(await consumeToken(db, found, deps.settings))) return HALF_DONE;
    return sessionResponse(
      deps,
      db,
      found.user.id,
      await startSession(db, found.user.id, "otp", request.client),
    );
  });
  sendJson(request.res, 200, result);
};

export const verifyGet: Handler = async (deps, request) => {
  const query = request.url.searchParams;
  const token = query.get("token") ?? "";
  const type = verifyType(query.get("type"));
  if (token === "")
    throw new AuthError(400, "validation_failed", "Verify requires a token or a token hash");
  const target = redirectTarget(deps.settings, query.get("redirect_to"));
  const location = await withTx(deps.pool, (db) =>
    verifyLinkIn(deps, db, { token, type, target, client: request.client }),
  ).catch((error: unknown) => {
    if (error instanceof AuthError) return errorRedirect(target, error, token.startsWith("pkce_"));
    throw error;
  });
  redirectTo303(request.res, location);
};

async function verifyLinkIn(
  deps: AuthDeps,
  db: Db,
  link: { token: string; type: VerifyType; target: string; client: ClientInfo },
): Promise<string> {
  const found = await findToken(db, link.type, { tokenHash: link.token }, deps.settings);
  assertNotBanned(found.user.banned_until);
  const complete = await consumeToken(db, found, deps.settings);
  if (!complete) {
    const url = new URL(link.target);
    url.hash = new URLSearchParams({ message: HALF_DONE.msg, sb: "" }).toString();
    return url.toString();
  }
  if (found.stored.startsWith("pkce_")) {
    const kind = link.type === "email" ? "signup" : link.type;
    const flow = await latestFlowStateOf(db, found.user.id, LINK_KINDS[kind].flowMethod);
    if (!flow) throw new AuthError(404, "flow_state_not_found", "No associated flow state found");
    await issueAuthCode(db, flow.id);
    const url = new URL(link.target);
    url.searchParams.set("code", flow.auth_code);
    return url.toString();
  }
  const session = await sessionResponse(
    deps,
    db,
    found.user.id,
    await startSession(db, found.user.id, "otp", link.client),
  );
  return implicitRedirect(link.target, session, link.type);
}
