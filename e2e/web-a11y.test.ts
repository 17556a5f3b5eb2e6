// Every main screen passes axe-core's WCAG 2.1 A/AA rules, on a desktop and a phone viewport.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callMutation } from "./helpers/api.ts";
import { accessibilityViolations } from "./helpers/axe.ts";
import { launchBrowser, newContext, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, createConfirmedUser, signInThroughUi } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl, serverUrl } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, screen: string) {
  const violations = await accessibilityViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe("the accessibility check itself", () => {
  it("reports what is wrong on a page that breaks the rules", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.setContent(
      '<html lang="en"><title>t</title><main><img src="x.png"><input type="text"></main></html>',
    );
    const ids = (await accessibilityViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(["image-alt", "label"]);
    await context.close();
  });
});

describe.each([
  { viewport: "desktop", mobile: false },
  { viewport: "phone", mobile: true },
])("accessibility on a $viewport", ({ mobile }) => {
  it("has no WCAG A/AA violations on the main screens", async () => {
    const context = await newContext(browser, { mobile });
    const page = await context.newPage();
    await withDiagnostics(page, `a11y-${mobile ? "phone" : "desktop"}`, async () => {
      await page.goto(`${webUrl}/sign-in`);
      await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
      await expectAccessible(page, "sign-in");
      await page.goto(`${webUrl}/sign-up`);
      await page.getByRole("button", { name: "Sign up" }).waitFor();
      await expectAccessible(page, "sign-up");

      const user = await createConfirmedUser(stack, "a11y");
      const token = await accessTokenOf(stack, user);
      const { document } = await callMutation<{ document: { id: string } }>(
        serverUrl,
        token,
        "documents.create",
        {
          source: "text",
          title: "Accessibility notes",
          text: "Contact a11y@acme.test about the audit on 2026-06-01. It costs $500.",
        },
      );
      await signInThroughUi(page, webUrl, user);
      await page.getByRole("table", { name: "Your documents" }).waitFor();
      await expectAccessible(page, "documents");

      await page.goto(`${webUrl}/documents/${document.id}`);
      await page.getByText("All outputs are ready").waitFor({ timeout: 60_000 });
      await page.getByRole("table", { name: "Entities found in the document" }).waitFor();
      await expectAccessible(page, "document detail");

      await page.getByRole("link", { name: /Notifications/ }).click();
      await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
      await expectAccessible(page, "notifications");

      await page.getByRole("link", { name: "Profile" }).click();
      await page.getByLabel("Display name").waitFor();
      await expectAccessible(page, "profile");
    });
    await context.close();
  });
});
