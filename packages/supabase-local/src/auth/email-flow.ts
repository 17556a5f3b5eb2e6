// The steps shared by /otp, /recover, /resend, /invite and signup-by-link: create a passwordless
// e-mail user when needed, start a PKCE flow state when the client asked for one, store the
// one-time token and deliver the e-mail.
import type { Db } from "./db.ts";
import type { AuthDeps } from "./deps.ts";
import type { EmailTokenKind, IssuedEmailToken } from "./email-tokens.ts";
import { issueEmailToken } from "./email-tokens.ts";
import { createFlowState } from "./flow-state.ts";
import type { MailKind } from "./mailer.ts";
import { sendAuthMail } from "./mailer.ts";
import { createEmailUser } from "./new-user.ts";
import { hashPassword, randomPassword } from "./passwords.ts";
import type { PkceParams } from "./validate.ts";

/** The verify `type` of a mail kind, the token column it uses, and the PKCE flow's AMR method. */
export const LINK_KINDS: Record<MailKind, { token: EmailTokenKind; flowMethod: string }> = {
  signup: { token: "confirmation", flowMethod: "email/signup" },
  invite: { token: "confirmation", flowMethod: "invite" },
  magiclink: { token: "recovery", flowMethod: "magiclink" },
  recovery: { token: "recovery", flowMethod: "recovery" },
  email_change: { token: "email_change_new", flowMethod: "email_change" },
};

export async function createPasswordlessUser(
  deps: AuthDeps,
  db: Db,
  email: string,
  data: Record<string, unknown>,
): Promise<string> {
  return createEmailUser(db, {
    email,
    encryptedPassword: await hashPassword(randomPassword()),
    data,
    aud: deps.settings.audience,
  });
}

/** Issues the token of `kind` for the user; mails it unless `deliver` is false (generate_link). */
export async function issueLink(
  deps: AuthDeps,
  db: Db,
  link: {
    userId: string;
    email: string;
    kind: MailKind;
    pkce: PkceParams | null;
    redirectTo: string;
    deliver?: boolean;
  },
): Promise<IssuedEmailToken> {
  const { token, flowMethod } = LINK_KINDS[link.kind];
  if (link.pkce) {
    await createFlowState(db, {
      userId: link.userId,
      pkce: link.pkce,
      providerType: "email",
      method: flowMethod,
    });
  }
  const issued = await issueEmailToken(db, { id: link.userId }, token, link.email, {
    pkce: !!link.pkce,
    settings: deps.settings,
  });
  if (link.deliver !== false) {
    await sendAuthMail(deps, {
      to: link.email,
      kind: link.kind,
      redirectTo: link.redirectTo,
      ...issued,
    });
  }
  return issued;
}
