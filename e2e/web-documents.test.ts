// Workflow 1 + 2 + the user's half of 6, in a real browser: sign up, confirm through the e-mail
// link, upload a text file and a PDF, watch processing reach 100 %, read the outputs, download CSV.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  launchBrowser,
  newContext,
  screenshot,
  watchErrors,
  withDiagnostics,
} from "./helpers/browser.ts";
import { verifyLinkOf, waitForEmail } from "./helpers/mailbox.ts";
import { makePdf } from "./helpers/pdf.ts";
import { uniqueEmail } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl } = inject("e2e");

const NOTES = [
  "Quarterly planning notes for the Docket team.",
  "Send the signed contract to billing@acme.test before 2026-03-31.",
  "The renewal costs $1,250.00 per year and the details are at https://acme.test/renewal.",
  "Planning the renewal early keeps the planning budget predictable for the team.",
].join("\n\n");

const INVOICE_LINES = [
  "Invoice 2041 from Acme Supplies",
  "Contact accounts@acme.test for questions about this invoice.",
  "Total due: EUR 980.50 by 2026-04-15.",
  "Thank you for your business with Acme Supplies.",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Reads the progress bar until it reports 100, returning every value it showed on the way. */
async function watchProgress(page: Page, timeoutMs = 60_000): Promise<number[]> {
  const bar = page.getByRole("progressbar", { name: "Processing progress" });
  const seen: number[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = Number(await bar.getAttribute("aria-valuenow"));
    if (seen.at(-1) !== value) seen.push(value);
    if (value === 100) return seen;
    const failed = await page.getByRole("alert").filter({ hasText: "Processing failed" }).count();
    if (failed)
      throw new Error(`processing failed: ${await page.getByRole("alert").first().textContent()}`);
    await page.waitForTimeout(100);
  }
  throw new Error(`progress stuck at ${seen.at(-1)} (saw ${seen.join(", ")})`);
}

/** Clicks a download button and returns the saved file's text, checking its name. */
async function download(page: Page, button: string, fileName: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(fileName);
  return readFile(await file.path(), "utf8");
}

async function openAndFinish(page: Page, title: string, expectedEntity: string) {
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
  const values = await watchProgress(page);
  // It only ever moves forward.
  expect(values).toEqual([...values].sort((a, b) => a - b));
  await page.getByText("All outputs are ready").waitFor();
  await page.getByRole("heading", { name: "Summary" }).waitFor();
  await page.getByRole("heading", { name: "Stats" }).waitFor();
  const entities = page.getByRole("table", { name: "Entities found in the document" });
  await entities.getByRole("cell", { name: expectedEntity, exact: true }).waitFor();
}

describe("a new user's first documents", () => {
  it("signs up, confirms by e-mail, uploads a text file and a PDF, and gets outputs", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const email = uniqueEmail("first");
    await withDiagnostics(page, "first-documents", async () => {
      // Sign up
      await page.goto(`${webUrl}/sign-up`);
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill("correct-horse-battery");
      await screenshot(page, "web-sign-up");
      await page.getByRole("button", { name: "Sign up" }).click();
      await page.getByText("Confirm your e-mail").waitFor();

      // Confirm through the link in the mailbox: it lands signed in on the documents page.
      const mail = await waitForEmail(stack.mailboxUrl, email, /confirm/i);
      await page.goto(verifyLinkOf(mail));
      await page.waitForURL(`${webUrl}/documents`);
      await page.getByText("No documents yet").waitFor();
      await screenshot(page, "web-documents-empty");

      // Upload both files at once through the file picker.
      await page.locator('input[type="file"]').setInputFiles([
        { name: "planning-notes.txt", mimeType: "text/plain", buffer: Buffer.from(NOTES) },
        { name: "invoice-2041.pdf", mimeType: "application/pdf", buffer: makePdf(INVOICE_LINES) },
      ]);
      const recent = page.getByRole("list", { name: "Recent uploads" });
      await recent
        .getByRole("link", { name: /view progress/ })
        .nth(1)
        .waitFor();
      const table = page.getByRole("table", { name: "Your documents" });
      await table.getByRole("link", { name: "planning-notes.txt" }).waitFor();
      await table.getByRole("link", { name: "invoice-2041.pdf" }).waitFor();
      await screenshot(page, "web-documents-uploaded");

      // The text file: progress to 100 %, outputs, then the CSV download.
      await openAndFinish(page, "planning-notes.txt", "billing@acme.test");
      await screenshot(page, "web-document-detail");
      const csv = await download(page, "Download Entities CSV", "planning-notes.csv");
      expect(csv.split(/\r?\n/)[0]).toBe("type,value,count");
      expect(csv).toContain("billing@acme.test");
      expect(csv).toContain("https://acme.test/renewal");
      // The other downloads: the clean Markdown and the stats as JSON.
      const markdown = await download(page, "Download Markdown", "planning-notes.md");
      expect(markdown).toContain("Send the signed contract to billing@acme.test");
      const stats = JSON.parse(await download(page, "Download Stats JSON", "planning-notes.json"));
      expect(stats).toMatchObject({ words: expect.any(Number), entityCounts: { emails: 1 } });
      expect(stats.words).toBeGreaterThan(30);

      // The PDF: its text was extracted, so its entities are there too.
      await page.getByRole("link", { name: "← Documents" }).click();
      await openAndFinish(page, "invoice-2041.pdf", "accounts@acme.test");
      expect(await page.getByText("Pages", { exact: true }).count()).toBe(1);

      // Back on the list both are ready.
      await page.getByRole("link", { name: "← Documents" }).click();
      await expect
        .poll(() => table.getByText("Ready", { exact: true }).count(), { timeout: 15_000 })
        .toBe(2);
      await screenshot(page, "web-documents-ready");
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
