// The app works from the keyboard alone: signing in, skipping to the content, switching the
// upload tabs with arrow keys, and a dialog that opens, closes on Escape and gives focus back
// (then deletes for real when confirmed).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callMutation } from "./helpers/api.ts";
import { launchBrowser, newContext, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, createConfirmedUser } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl, serverUrl } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A short description of the focused element: tag, then its accessible-ish name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return "";
    const label = el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
    return el.tagName.toLowerCase() + ":" + label.trim();
  })()`) as Promise<string>;
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, want: string, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page)) === want) return;
  }
  throw new Error(`Tab never reached ${want}; last focus: ${await focused(page)}`);
}

describe("keyboard only", () => {
  it("signs in, skips to content, switches tabs and uses a dialog", async () => {
    const user = await createConfirmedUser(stack, "keyboard");
    const token = await accessTokenOf(stack, user);
    const { document } = await callMutation<{ document: { id: string } }>(
      serverUrl,
      token,
      "documents.create",
      {
        source: "text",
        title: "Keyboard notes",
        text: "Notes typed without a mouse.",
      },
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "keyboard", async () => {
      await page.goto(`${webUrl}/sign-in`);
      await tabTo(page, "input:E-mail");
      await page.keyboard.type(user.email);
      await tabTo(page, "input:Password");
      await page.keyboard.type(user.password);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${webUrl}/documents`);

      // The first Tab offers the skip link; Enter moves past the navigation.
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("a:Skip to content");
      await page.keyboard.press("Enter");
      expect(page.url()).toBe(`${webUrl}/documents#main`);

      // Upload tabs: one tab stop, arrows switch.
      await tabTo(page, "button:Upload files");
      await page.keyboard.press("ArrowRight");
      expect(await focused(page)).toBe("button:Paste text");
      expect(
        await page.getByRole("tab", { name: "Paste text" }).getAttribute("aria-selected"),
      ).toBe("true");
      await page.getByLabel("Title").waitFor();

      // A dialog: opened from the keyboard, closed with Escape, focus back on its opener.
      await page.goto(`${webUrl}/documents/${document.id}`);
      await page.getByRole("heading", { name: "Keyboard notes", level: 1 }).waitFor();
      await tabTo(page, "button:Delete");
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Delete this document?" });
      await dialog.waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      expect(await focused(page)).toBe("button:Delete");
      // Nothing was deleted.
      await page.reload();
      await page.getByRole("heading", { name: "Keyboard notes", level: 1 }).waitFor();

      // Confirming does delete it, and the list says so.
      await tabTo(page, "button:Delete");
      await page.keyboard.press("Enter");
      await dialog.getByRole("button", { name: "Delete" }).click();
      await page.waitForURL(`${webUrl}/documents`);
      await page.getByText("Document deleted").waitFor();
      await page.getByText("No documents yet").waitFor();
    });
    await context.close();
  });
});
