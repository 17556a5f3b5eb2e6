// Recovery, admin links and invites, reauthentication and e-mail change, each followed from the
// mailbox over HTTP, with e-mail confirmations on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeIn, followLink, fragmentOf, latestMail, linkIn, mailsTo } from "./support/mailbox.ts";
import {
  type AuthTestStack,
  CONFIRMATIONS_CONFIG,
  startAuthStack,
  uniqueEmail,
} from "./support/stack.ts";

let t: AuthTestStack;
let mailbox: string;
beforeAll(async () => {
  t = await startAuthStack(CONFIRMATIONS_CONFIG);
  mailbox = t.stack.mailboxUrl;
});
afterAll(async () => {
  await t?.stop();
});

describe("password recovery", () => {
  it("mails a recovery link; the session it yields can set a new password", async () => {
    const email = uniqueEmail("recover");
    await t.admin().auth.admin.createUser({ email, password: "old-secret", email_confirm: true });
    expect((await t.anon().auth.resetPasswordForEmail(email)).error).toBeNull();
    expect((await t.anon().auth.resetPasswordForEmail(uniqueEmail("nobody"))).error).toBeNull();
    const mail = await latestMail(mailbox, email);
    expect(mail.subject).toBe("Reset Your Password");
    const fragment = fragmentOf(await followLink(linkIn(mail)));
    expect(fragment.get("type")).toBe("recovery");
    const client = t.anon();
    await client.auth.setSession({
      access_token: fragment.get("access_token") ?? "",
      refresh_token: fragment.get("refresh_token") ?? "",
    });
    const same = await client.auth.updateUser({ password: "old-secret" });
    expect(same.error?.code).toBe("same_password");
    const weak = await client.auth.updateUser({ password: "x" });
    expect(weak.error?.code).toBe("weak_password");
    expect((await client.auth.updateUser({ password: "new-secret" })).error).toBeNull();
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "new-secret" })).error,
    ).toBeNull();
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "old-secret" })).error?.code,
    ).toBe("invalid_credentials");
  });
});

describe("admin links and invites", () => {
  it("generateLink returns a working hashed token and OTP without sending mail", async () => {
    const email = uniqueEmail("genlink");
    await t.admin().auth.admin.createUser({ email, email_confirm: true });
    const { data, error } = await t.admin().auth.admin.generateLink({ type: "magiclink", email });
    expect(error).toBeNull();
    expect(data.properties?.verification_type).toBe("magiclink");
    expect(data.properties?.action_link).toContain("/auth/v1/verify?token=");
    expect(data.user?.email).toBe(email);
    expect(await mailsTo(mailbox, email)).toHaveLength(0);
    const verified = await t
      .anon()
      .auth.verifyOtp({ token_hash: data.properties?.hashed_token ?? "", type: "magiclink" });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.id).toBe(data.user?.id);
    const recovery = await t
      .admin()
      .auth.admin.generateLink({ type: "recovery", email: uniqueEmail("none") });
    expect(recovery.error?.status).toBe(404);
  });

  it("inviteUserByEmail mails an invite that confirms the user", async () => {
    const email = uniqueEmail("invite");
    const { data, error } = await t
      .admin()
      .auth.admin.inviteUserByEmail(email, { data: { team: "a" } });
    expect(error).toBeNull();
    expect(data.user?.invited_at).toBeTruthy();
    const mail = await latestMail(mailbox, email);
    expect(mail.subject).toBe("You have been invited");
    const fragment = fragmentOf(await followLink(linkIn(mail)));
    expect(fragment.get("type")).toBe("invite");
    const user = await t.admin().auth.admin.getUserById(data.user?.id ?? "");
    expect(user.data.user?.email_confirmed_at).toBeTruthy();
  });
});

describe("reauthentication", () => {
  it("mails a code that updateUser accepts as nonce; a wrong nonce is refused", async () => {
    const email = uniqueEmail("reauth");
    await t.admin().auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const client = t.anon();
    await client.auth.signInWithPassword({ email, password: "secret1" });
    expect((await client.auth.reauthenticate()).error).toBeNull();
    const mail = await latestMail(mailbox, email);
    expect(mail.subject).toBe("Confirm reauthentication");
    const wrong = await client.auth.updateUser({ password: "secret2", nonce: "000000" });
    expect(wrong.error?.code).toBe("reauthentication_not_valid");
    expect(
      (await client.auth.updateUser({ password: "secret2", nonce: codeIn(mail) })).error,
    ).toBeNull();
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "secret2" })).error,
    ).toBeNull();
  });
});

describe("e-mail change", () => {
  it("confirms on both addresses before the change applies", async () => {
    const email = uniqueEmail("change-old");
    const next = uniqueEmail("change-new");
    await t.admin().auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const client = t.anon();
    await client.auth.signInWithPassword({ email, password: "secret1" });
    const { data, error } = await client.auth.updateUser({ email: next });
    expect(error).toBeNull();
    expect(data.user?.new_email).toBe(next);
    const toNew = fragmentOf(await followLink(linkIn(await latestMail(mailbox, next))));
    expect(toNew.get("message")).toContain("Confirmation link accepted");
    const toOld = fragmentOf(await followLink(linkIn(await latestMail(mailbox, email))));
    expect(toOld.get("type")).toBe("email_change");
    expect(
      (await t.anon().auth.signInWithPassword({ email: next, password: "secret1" })).error,
    ).toBeNull();
  });
});
