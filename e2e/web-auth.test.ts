// Signing in without a password (magic link) and getting back in after forgetting it (reset),
// both through e-mails read from the stack's mailbox, plus wrong passwords and signing out.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { verifyLinkOf, waitForEmail } from "./helpers/mailbox.ts";
import { createConfirmedUser, signInThroughUi } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in", () => {
  it("signs in with a magic link from the mailbox", async () => {
    const user = await createConfirmedUser(stack, "magic");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "magic-link", async () => {
      await page.goto(`${webUrl}/sign-in`);
      await page.getByRole("button", { name: "E-mail link" }).click();
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      await page.getByText(`We sent a sign-in link to ${user.email}`).waitFor();
      await screenshot(page, "web-magic-link-sent");

      const mail = await waitForEmail(stack.mailboxUrl, user.email, /magic|sign.?in|log.?in/i);
      await page.goto(verifyLinkOf(mail));
      await page.waitForURL(`${webUrl}/documents`);
      await page.getByText("No documents yet").waitFor();
    });
    await context.close();
  });

  it("says so when the password is wrong, and keeps the e-mail typed", async () => {
    const user = await createConfirmedUser(stack, "wrongpw");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "wrong-password", async () => {
      await page.goto(`${webUrl}/sign-in`);
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page
        .getByRole("alert")
        .getByText("That e-mail and password do not match an account.")
        .waitFor();
      expect(await page.getByLabel("E-mail").inputValue()).toBe(user.email);
      expect(page.url()).toContain("/sign-in");
    });
    await context.close();
  });

  it("resets a forgotten password through the e-mailed link, then signs in with the new one", async () => {
    const user = await createConfirmedUser(stack, "reset");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "reset-password", async () => {
      await page.goto(`${webUrl}/sign-in`);
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await page.getByText("a link to choose a new password is on its way").waitFor();

      const mail = await waitForEmail(stack.mailboxUrl, user.email, /reset|recover|password/i);
      await page.goto(verifyLinkOf(mail));
      await page.waitForURL(/\/update-password/);
      const newPassword = "a-brand-new-password";
      await page.getByLabel("New password").fill(newPassword);
      await screenshot(page, "web-update-password");
      await page.getByRole("button", { name: "Save password" }).click();
      await page.waitForURL(/\/documents/);

      // Sign out, then the new password works and the old one does not.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/sign-in/);
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("alert").waitFor();
      await signInThroughUi(page, webUrl, { ...user, password: newPassword });
    });
    await context.close();
  });
});
