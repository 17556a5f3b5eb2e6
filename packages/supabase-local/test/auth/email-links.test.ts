// Confirmation, resend and magic-link e-mails followed over HTTP from the mailbox, with e-mail
// confirmations on (hosted default), in implicit and PKCE flows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeIn, followLink, fragmentOf, latestMail, linkIn, mailsTo } from "./support/mailbox.ts";
import {
  type AuthTestStack,
  CONFIRMATIONS_CONFIG,
  sql,
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
    expect(mail.html).toContain(`href="${linkIn(mail).replaceAll("&", "&amp;")}"`);
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
