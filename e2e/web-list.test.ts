// The documents list with more than one page, search, and adding a file by dragging it in.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callMutation } from "./helpers/api.ts";
import { launchBrowser, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, openSignedIn } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl, serverUrl } = inject("e2e");
// Must match PAGE_SIZE in apps/web/src/screens/DocumentsPage.tsx.
const PAGE_SIZE = 10;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the documents list", () => {
  it("pages through documents and finds one by its title", async () => {
    const { page, user, close } = await openSignedIn(browser, stack, webUrl, "pages");
    const token = await accessTokenOf(stack, user);
    // Setup: twelve documents, oldest first, so "Memo 01" and "Memo 02" land on page 2.
    for (let i = 1; i <= PAGE_SIZE + 2; i++) {
      const n = String(i).padStart(2, "0");
      await callMutation(serverUrl, token, "documents.create", {
        source: "text",
        title: `Memo ${n}`,
        text: `Memo number ${n} for the paging test.`,
      });
    }
    await withDiagnostics(page, "paging", async () => {
      await page.reload();
      const table = page.getByRole("table", { name: "Your documents" });
      await table.getByRole("link", { name: "Memo 12" }).waitFor();
      expect(await table.getByRole("row").count()).toBe(PAGE_SIZE + 1); // + header row
      await page.getByText("Page 1 of 2").waitFor();
      expect(await table.getByRole("link", { name: "Memo 01" }).count()).toBe(0);

      await page.getByRole("button", { name: "Next" }).click();
      await page.getByText("Page 2 of 2").waitFor();
      await table.getByRole("link", { name: "Memo 01" }).waitFor();
      expect(await table.getByRole("row").count()).toBe(3);
      expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);

      await page.getByRole("searchbox", { name: "Search documents" }).fill("memo 07");
      await table.getByRole("link", { name: "Memo 07" }).waitFor();
      await expect.poll(() => table.getByRole("row").count(), { timeout: 10_000 }).toBe(2);
      // A search starts again at page 1 and needs no pager.
      expect(await page.getByRole("navigation", { name: "Document pages" }).count()).toBe(0);
      await screenshot(page, "web-documents-search");
    });
    await close();
  });

  it("adds a file dropped onto the drop zone", async () => {
    const { page, close } = await openSignedIn(browser, stack, webUrl, "drop");
    await withDiagnostics(page, "drop", async () => {
      // What the browser hands the page when a file is dragged in from the desktop.
      const dataTransfer = await page.evaluateHandle(`(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(["# Dropped\\n\\nA note about dropping files."], "dropped-note.md", { type: "text/markdown" }));
        return dt;
      })()`);
      const zone = page.getByText("Drop files here or");
      await zone.dispatchEvent("dragover", { dataTransfer });
      await zone.dispatchEvent("drop", { dataTransfer });
      const table = page.getByRole("table", { name: "Your documents" });
      await table.getByRole("link", { name: "dropped-note.md" }).click();
      await page.getByText("All outputs are ready").waitFor({ timeout: 60_000 });
    });
    await close();
  });
});
