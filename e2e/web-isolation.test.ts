// A second user sees none of the first user's documents: not in the list, not by search, not by
// typing the other document's address, and not by asking the API directly with their own token.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callMutation, callQuery } from "./helpers/api.ts";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";
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

describe("two users", () => {
  it("keeps each user's documents to themselves, also when the URL is edited", async () => {
    // Setup: the first user owns a document (made through the API with their own token).
    const owner = await createConfirmedUser(stack, "owner");
    const ownerToken = await accessTokenOf(stack, owner);
    const created = await callMutation<{ document: { id: string } }>(
      serverUrl,
      ownerToken,
      "documents.create",
      {
        source: "text",
        title: "Owner private plans",
        text: "Only the owner may read this. Contact owner@acme.test.",
      },
    );
    const ownersDoc = created.document.id;

    const intruder = await createConfirmedUser(stack, "intruder");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "isolation", async () => {
      await signInThroughUi(page, webUrl, intruder);

      // Not in the list, not found by searching for its title.
      await page.getByText("No documents yet").waitFor();
      await page.getByRole("searchbox", { name: "Search documents" }).fill("Owner private");
      await page.getByText("No documents match your search").waitFor();
      expect(await page.getByText("Owner private plans").count()).toBe(0);

      // Typing the owner's document URL shows "not found", never the document.
      await page.goto(`${webUrl}/documents/${ownersDoc}`);
      await page.getByRole("heading", { name: "Document not found", level: 1 }).waitFor();
      expect(await page.getByText("Owner private plans").count()).toBe(0);
      await screenshot(page, "web-document-not-found");

      // A mangled id is "not found" too, not an error page.
      await page.goto(`${webUrl}/documents/not-a-real-id`);
      await page.getByRole("heading", { name: "Document not found", level: 1 }).waitFor();
    });

    // The API agrees when asked directly with the intruder's token.
    const intruderToken = await accessTokenOf(stack, intruder);
    const direct = await callQuery(serverUrl, intruderToken, "documents.get", { id: ownersDoc });
    expect(direct.status).toBe(404);
    expect(JSON.stringify(direct.body)).not.toContain("Owner private plans");
    const list = await callQuery(serverUrl, intruderToken, "documents.list", {});
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(ownersDoc);

    // And the owner still sees it.
    const own = await callQuery(serverUrl, ownerToken, "documents.get", { id: ownersDoc });
    expect(own.status).toBe(200);
    await context.close();
  });

  it("works on a phone-sized screen", async () => {
    const user = await createConfirmedUser(stack, "phone");
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await withDiagnostics(page, "phone", async () => {
      await signInThroughUi(page, webUrl, user);
      // Nothing sticks out sideways: the page is as wide as the screen.
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByRole("link", { name: "Notifications" }).click();
      await page.getByText("Nothing new").waitFor();
      await page.getByRole("link", { name: "Documents" }).click();
      await page.getByText("No documents yet").waitFor();
      await screenshot(page, "web-documents-phone");
    });
    await context.close();
  });
});
