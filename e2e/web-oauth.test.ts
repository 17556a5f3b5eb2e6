// "Continue with GitHub" appears because the project has GitHub configured, and walks the whole
// PKCE redirect chain: Auth's /authorize → the provider's consent page → Auth's /callback → the
// app's /auth/callback, which exchanges the code for a session.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";

const { webUrl, githubAccount } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("OAuth sign-in", () => {
  it("signs in with GitHub through PKCE and lands on the documents page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "oauth", async () => {
      await page.goto(`${webUrl}/sign-in`);
      await page.getByRole("button", { name: "Continue with GitHub" }).click();
      await page.getByRole("heading", { name: "Authorize Docket?" }).waitFor();
      await screenshot(page, "web-oauth-consent");
      await page.getByRole("link", { name: "Authorize Docket" }).click();
      // Exactly /documents: the one-time code does not stay in the address bar or history.
      await page.waitForURL(`${webUrl}/documents`);
      await page.getByText("No documents yet").waitFor();

      // The session belongs to the GitHub account's primary e-mail.
      await page.getByRole("link", { name: "Profile" }).click();
      await expect
        .poll(() => page.getByLabel("E-mail").inputValue(), { timeout: 15_000 })
        .toBe(githubAccount.email);
    });
    await context.close();
  });
});
