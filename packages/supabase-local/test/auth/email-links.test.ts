// Confirmation, magic link, recovery and invite e-mails followed over HTTP from the mailbox,
// with e-mail confirmations on (hosted default), in implicit and PKCE flows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeIn, followLink, fragmentOf, latestMail, linkIn, mailsTo } from "./support/mailbox.ts";
import { type AuthTestStack, sql, startAuthStack, uniqueEmail } from "./support/stack.ts";

const CONFIRMATIONS_CONFIG = `
[auth]
site_url = "http://127.0.0.1:3000"
additional_redirect_urls = ["https://app.example.com/**"]

[auth.email]
enable_confirmations = true
max_frequency = "1s"
`;

let t: AuthTestStack;
let mailbox: string;
beforeAll(async () => {
  t = await startAuthStack(CONFIRMATIONS_CONFIG);
  mailbox = t.stack.mailboxUrl;
});
afterAll(async () => {
  await t?.stop();
});

describe("sign-up confirmation", () => {
  it("sends a confirmation mail whose link confirms the user and signs them in", async () => {
    const email = uniqueEmail("confirm");
    const client = t.anon();
    const { data, error } = await client.auth.signUp({
      email,
      password: "secret1",
      options: { emailRedirectTo: "https://app.example.com/welcome" },
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.confirmation_sent_at).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect((await client.auth.signInWithPassword({ email, password: "secret1" })).error?.code).toBe(
      "email_not_confirmed",
    );

    const mail = await latestMail(mailbox, email);
    expect(mail.subject).toBe("Confirm Your Signup");
    const landing = await followLink(linkIn(mail));
    expect(landing.origin + landing.pathname).toBe("https://app.example.com/welcome");
    const fragment = fragmentOf(landing);
    expect(fragment.get("type")).toBe("signup");
    expect(fragment.get("token_type")).toBe("bearer");
    const { data: session, error: setError } = await client.auth.setSession({
      access_token: fragment.get("access_token") ?? "",
      refresh_token: fragment.get("refresh_token") ?? "",
    });
    expect(setError).toBeNull();
    expect(session.user?.email_confirmed_at).toBeTruthy();
    expect(session.user?.user_metadata.email_verified).toBe(true);
    expect(
      (await t.anon().auth.signInWithPassword({ email, password: "secret1" })).error,
    ).toBeNull();
    // The link is single use.
    const again = fragmentOf(await followLink(linkIn(mail)));
    expect(again.get("error_code")).toBe("otp_expired");
    expect(again.get("error")).toBe("access_denied");
  });

  it("hides already-registered addresses behind a fake user with no identities", async () => {
    const email = uniqueEmail("hidden");
    await t.admin().auth.admin.createUser({ email, password: "secret1", email_confirm: true });
    const { data, error } = await t.anon().auth.signUp({ email, password: "other-secret" });
    expect(error).toBeNull();
    expect(data.user?.identities).toEqual([]);
    expect(
      await sql(t.stack, "select count(*)::int as n from auth.users where email = $1", [email]),
    ).toEqual([{ n: 1 }]);
  });

  it("never redirects outside the allow-list: a foreign redirect_to falls back to site_url", async () => {
    const email = uniqueEmail("evil");
    await t.anon().auth.signUp({
      email,
      password: "secret1",
      options: { emailRedirectTo: "https://evil.example.net/steal" },
    });
    const landing = await followLink(linkIn(await latestMail(mailbox, email)));
    expect(landing.origin).toBe("http://127.0.0.1:3000");
  });

  it("completes a PKCE sign-up: the link returns ?code= which exchangeCodeForSession trades for a session", async () => {
    const email = uniqueEmail("pkce");
    const client = t.anon({ flowType: "pkce" });
    await client.auth.signUp({
      email,
      password: "secret1",
      options: { emailRedirectTo: "https://app.example.com/cb" },
    });
    const landing = await followLink(linkIn(await latestMail(mailbox, email)));
    const code = landing.searchParams.get("code") ?? "";
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    expect(landing.hash).toBe("");
    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    const claims = JSON.parse(
      Buffer.from(data.session?.access_token.split(".")[1] ?? "", "base64url").toString(),
    );
    expect(claims.amr[0].method).toBe("email/signup");
    // Codes are single use; a wrong verifier is refused.
    const reuse = await t.anon({ flowType: "pkce" }).auth.exchangeCodeForSession(code);
    expect(reuse.error).not.toBeNull();
  });
});

describe("resend", () => {
  it("sends a fresh confirmation whose code works, and nothing for confirmed or unknown addresses", async () => {
    const email = uniqueEmail("resend");
    await t.anon().auth.signUp({ email, password: "secret1" });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // max_frequency = 1s
    expect((await t.anon().auth.resend({ type: "signup", email })).error).toBeNull();
    const [newest, oldest] = await mailsTo(mailbox, email);
    if (!newest || !oldest) throw new Error("expected two confirmation mails");
    // Only the newest code is valid.
    const stale = await t.anon().auth.verifyOtp({ email, token: codeIn(oldest), type: "signup" });
    expect(stale.error?.code).toBe("otp_expired");
    const { data, error } = await t
      .anon()
      .auth.verifyOtp({ email, token: codeIn(newest), type: "signup" });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.anon().auth.resend({ type: "signup", email })).error).toBeNull();
    expect(
      (await t.anon().auth.resend({ type: "signup", email: uniqueEmail("unknown") })).error,
    ).toBeNull();
    expect(await mailsTo(mailbox, email)).toHaveLength(2);
  });
});

describe("magic link and e-mail OTP", () => {
  it("signInWithOtp mails a link and a code; both sign the user in", async () => {
    const email = uniqueEmail("magic");
    await t.admin().auth.admin.createUser({ email, email_confirm: true });
    const client = t.anon();
    expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
    const first = await latestMail(mailbox, email);
    expect(first.subject).toBe("Your Magic Link");
    const fragment = fragmentOf(await followLink(linkIn(first)));
    expect(fragment.get("type")).toBe("magiclink");
    expect(fragment.get("access_token")).toBeTruthy();

    await new Promise((resolve) => setTimeout(resolve, 1100)); // max_frequency = 1s
    await client.auth.signInWithOtp({ email });
    const second = await latestMail(mailbox, email);
    const { data, error } = await client.auth.verifyOtp({
      email,
      token: codeIn(second),
      type: "email",
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    const wrong = await t.anon().auth.verifyOtp({ email, token: "000000", type: "email" });
    expect(wrong.error?.status).toBe(403);
    expect(wrong.error?.code).toBe("otp_expired");
  });

  it("creates unknown users unless shouldCreateUser is false", async () => {
    const email = uniqueEmail("otp-new");
    const refused = await t
      .anon()
      .auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(refused.error?.status).toBe(422);
    expect(refused.error?.code).toBe("otp_disabled");
    expect((await t.anon().auth.signInWithOtp({ email })).error).toBeNull();
    const mail = await latestMail(mailbox, email);
    expect(mail.subject).toBe("Confirm Your Signup");
    const { data } = await t.anon().auth.verifyOtp({ email, token: codeIn(mail), type: "signup" });
    expect(data.user?.email_confirmed_at).toBeTruthy();
  });

  it("limits how often one address gets mail", async () => {
    const email = uniqueEmail("rate");
    await t.admin().auth.admin.createUser({ email, email_confirm: true });
    await t.anon().auth.signInWithOtp({ email });
    const { error } = await t.anon().auth.signInWithOtp({ email });
    expect(error?.status).toBe(429);
    expect(error?.code).toBe("over_email_send_rate_limit");
    expect(await mailsTo(mailbox, email)).toHaveLength(1);
  });
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
