// The rest of the user's screens: bad input is refused in the browser without losing anything,
// pasted text becomes a document, a failed job can be retried, notifications and the profile.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callQuery } from "./helpers/api.ts";
import { launchBrowser, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, openSignedIn } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl, serverUrl } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signedInPage = (label: string) => openSignedIn(browser, stack, webUrl, label);

function countApiCalls(page: Page): { mutations: number } {
  const counts = { mutations: 0 };
  page.on("request", (request) => {
    if (request.url().includes("/trpc/") && request.method() === "POST") counts.mutations++;
  });
  return counts;
}

describe("documents: input checks, pasted text, retry", () => {
  it("refuses unsupported and oversized files in the browser, sending nothing", async () => {
    const { page, close } = await signedInPage("badfiles");
    await withDiagnostics(page, "bad-files", async () => {
      const calls = countApiCalls(page);
      await page.locator('input[type="file"]').setInputFiles([
        { name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
        { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 97) },
        { name: "empty.md", mimeType: "text/markdown", buffer: Buffer.alloc(0) },
      ]);
      const alert = page.getByRole("alert").filter({ hasText: "Some files were not added" });
      await alert.getByText(/photo\.png: this type is not supported/).waitFor();
      await alert.getByText("huge.txt is 5.0 MB; the limit is 5.0 MB.").waitFor();
      await alert.getByText("empty.md is empty.").waitFor();
      await screenshot(page, "web-upload-refused");
      expect(calls.mutations).toBe(0);
      expect(await page.getByText("No documents yet").count()).toBe(1);
    });
    await close();
  });

  it("keeps pasted text when the form is incomplete, then creates the document", async () => {
    const { page, close } = await signedInPage("paste");
    await withDiagnostics(page, "paste", async () => {
      await page.getByRole("tab", { name: "Paste text" }).click();
      const text =
        "Meeting notes.\n\nCall Dana at dana@acme.test on 2026-05-02 about the $300 budget.";
      await page.getByLabel("Text", { exact: true }).fill(text);
      await page.getByRole("button", { name: "Add text" }).click();
      await page.getByText("Give the document a title.").waitFor();
      expect(await page.getByLabel("Text", { exact: true }).inputValue()).toBe(text);

      await page.getByLabel("Title").fill("Meeting with Dana");
      await page.getByRole("button", { name: "Add text" }).click();
      const table = page.getByRole("table", { name: "Your documents" });
      await table.getByRole("link", { name: "Meeting with Dana" }).click();
      await page.getByText("All outputs are ready").waitFor({ timeout: 60_000 });
      await page.getByRole("cell", { name: "dana@acme.test", exact: true }).waitFor();
    });
    await close();
  });

  it("shows why a job failed and runs it again on Retry", async () => {
    const { page, user, close } = await signedInPage("retry");
    await withDiagnostics(page, "retry", async () => {
      // Not a PDF inside: the worker fails it at once with a message for the user.
      await page.locator('input[type="file"]').setInputFiles([
        {
          name: "broken.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("this is not a pdf at all"),
        },
      ]);
      await page
        .getByRole("table", { name: "Your documents" })
        .getByRole("link", { name: "broken.pdf" })
        .click();
      const failure = page.getByRole("alert").filter({ hasText: "Processing failed" });
      await failure.waitFor({ timeout: 60_000 });
      await screenshot(page, "web-document-failed");

      const token = await accessTokenOf(stack, user);
      const jobId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      const before = await callQuery(serverUrl, token, "documents.get", { id: jobId });
      const firstRun = (
        before.body as { result: { data: { jobs: Array<{ id: string; started_at: string }> } } }
      ).result.data.jobs[0];
      expect(firstRun?.started_at).toBeTruthy();

      await page.getByRole("button", { name: "Retry" }).click();
      await page.getByText("Processing restarted").waitFor();
      // It ran again: a new start time, and it failed again for the same reason.
      await expect
        .poll(
          async () => {
            const job = await callQuery(serverUrl, token, "jobs.get", { id: firstRun?.id });
            const data = (
              job.body as { result: { data: { status: string; started_at: string | null } } }
            ).result.data;
            return data.status === "failed" && data.started_at !== firstRun?.started_at;
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      await failure.waitFor({ timeout: 30_000 });
    });
    await close();
  });
});

describe("notifications and profile", () => {
  it("counts unread notifications and marks them read", async () => {
    const { page, close } = await signedInPage("notify");
    await withDiagnostics(page, "notifications", async () => {
      await page.getByRole("tab", { name: "Paste text" }).click();
      await page.getByLabel("Title").fill("Short note");
      await page
        .getByLabel("Text", { exact: true })
        .fill("A short note that gets processed and notified about.");
      await page.getByRole("button", { name: "Add text" }).click();
      await page
        .getByRole("table", { name: "Your documents" })
        .getByRole("link", { name: "Short note" })
        .click();
      await page.getByText("All outputs are ready").waitFor({ timeout: 60_000 });

      const nav = page.getByRole("navigation", { name: "Main" });
      await nav.getByText("1 unread").waitFor({ timeout: 30_000 });
      await nav.getByRole("link", { name: /Notifications/ }).click();
      await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
      await page.getByText("Unread:").first().waitFor();
      await screenshot(page, "web-notifications");
      await page.getByRole("button", { name: "Mark all as read" }).click();
      await expect.poll(() => nav.getByText("unread").count(), { timeout: 15_000 }).toBe(0);
      expect(await page.getByText("Unread:").count()).toBe(0);
    });
    await close();
  });

  it("saves the display name", async () => {
    const { page, close } = await signedInPage("profile");
    await withDiagnostics(page, "profile", async () => {
      await page.getByRole("link", { name: "Profile" }).click();
      await page.getByLabel("Display name").fill("Dana Example");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("Profile saved").waitFor();
      await page.reload();
      await expect
        .poll(() => page.getByLabel("Display name").inputValue(), { timeout: 15_000 })
        .toBe("Dana Example");
    });
    await close();
  });
});
