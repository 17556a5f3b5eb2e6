// The e-mails Auth sends, delivered to the stack's mailbox: a link to GET /verify plus the code.
import type { AuthDeps } from "./deps.ts";

export type MailKind = "signup" | "magiclink" | "recovery" | "invite" | "email_change";

/** Sent by GET /reauthenticate: a code only, no link. */
export async function sendReauthenticationMail(
  deps: AuthDeps,
  to: string,
  otp: string,
): Promise<void> {
  await deps.mailbox.deliver({
    to,
    from: SENDER,
    subject: "Confirm reauthentication",
    text: `Enter the code: ${otp}\n`,
    html: `<h2>Confirm reauthentication</h2>\n<p>Enter the code: ${otp}</p>\n`,
  });
}

const SUBJECTS: Record<MailKind, string> = {
  signup: "Confirm Your Signup",
  magiclink: "Your Magic Link",
  recovery: "Reset Your Password",
  invite: "You have been invited",
  email_change: "Confirm Email Change",
};

const INTROS: Record<MailKind, string> = {
  signup: "Follow this link to confirm your user:",
  magiclink: "Follow this link to login:",
  recovery: "Follow this link to reset the password for your user:",
  invite: "You have been invited to create a user. Follow this link to accept the invite:",
  email_change: "Follow this link to confirm the update of your email:",
};

export const SENDER = "admin@email.com";

export function verifyLink(
  deps: AuthDeps,
  hashedToken: string,
  type: string,
  redirectTo: string,
): string {
  const query = new URLSearchParams({ token: hashedToken, type, redirect_to: redirectTo });
  return `${deps.authUrl}/verify?${query.toString()}`;
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);

export async function sendAuthMail(
  deps: AuthDeps,
  mail: {
    to: string;
    kind: MailKind;
    hashedToken: string;
    otp: string;
    redirectTo: string;
    linkType?: string;
  },
): Promise<void> {
  const link = verifyLink(deps, mail.hashedToken, mail.linkType ?? mail.kind, mail.redirectTo);
  const intro = INTROS[mail.kind];
  await deps.mailbox.deliver({
    to: mail.to,
    from: SENDER,
    subject: SUBJECTS[mail.kind],
    text: `${intro}\n\n${link}\n\nAlternatively, enter the code: ${mail.otp}\n`,
    html: `<h2>${SUBJECTS[mail.kind]}</h2>\n<p>${intro}</p>\n<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>\n<p>Alternatively, enter the code: ${mail.otp}</p>\n`,
  });
}
