// Cancelling processing from the document page. A running job is asked to stop and ends at its
// next step (the job runs on a worker whose steps take 1.5 s each, so it is deterministically
// still running when the user clicks); the list says "Cancelled" too, and Retry runs it to the
// end. A queued job leaves the queue at once. While a job waits,
// the page polls less and less often, and it stops polling once the job has ended.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callQuery } from "./helpers/api.ts";
import { launchBrowser, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, openSignedIn } from "./helpers/users.ts";
import { whileSharedWorkerPaused, withSlowWorker } from "./helpers/worker.ts";

const stack = inject("stack");
const { webUrl, serverUrl } = inject("e2e");

interface Job {
  status: string;
  progress: number;
  started_at: string | null;
  cancel_requested_at: string | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Adds pasted text as a document and opens its page. */
async function addAndOpen(page: Page, title: string): Promise<void> {
  await page.getByRole("tab", { name: "Paste text" }).click();
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Text", { exact: true })
    .fill("Call Robin at robin@acme.test on 2026-07-01 about the $90 invoice.");
  await page.getByRole("button", { name: "Add text" }).click();
  await page
    .getByRole("table", { name: "Your documents" })
    .getByRole("link", { name: title })
    .click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

/** When the page asked for the job's status, in ms since the test began. */
function recordJobPolls(page: Page): number[] {
  const times: number[] = [];
  const began = Date.now();
  page.on("request", (request) => {
    if (request.url().includes("jobs.get")) times.push(Date.now() - began);
  });
  return times;
}

async function apiJobOf(token: string, page: Page): Promise<{ job: Job; outputs: unknown[] }> {
  const id = new URL(page.url()).pathname.split("/").at(-1);
  const { status, body } = await callQuery(serverUrl, token, "documents.get", { id });
  expect(status).toBe(200);
  const data = (body as { result: { data: { jobs: Job[]; outputs: unknown[] } } }).result.data;
  if (!data.jobs[0]) throw new Error("the document has no job");
  return { job: data.jobs[0], outputs: data.outputs };
}

describe("cancelling processing", () => {
  it("stops a running job at its next step, leaving no outputs; Retry then processes it", async () => {
    const { page, user, close } = await openSignedIn(browser, stack, webUrl, "cancel-running");
    await withDiagnostics(page, "cancel-running", () =>
      withSlowWorker(1500, async () => {
        await addAndOpen(page, "Long report");
        const bar = page.getByRole("progressbar", { name: "Processing progress" });
        await page.getByText("Processing…", { exact: true }).waitFor({ timeout: 30_000 });
        await expect
          .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 15_000 })
          .toBeGreaterThan(0);

        await page.getByRole("button", { name: "Cancel processing" }).click();
        const dialog = page.getByRole("dialog", { name: "Cancel processing?" });
        await dialog.getByRole("button", { name: "Cancel processing" }).click();
        // The job was running: it is asked to stop rather than removed.
        await page.getByText("Stopping after the current step").waitFor();
        await page
          .getByText("Processing was cancelled", { exact: true })
          .waitFor({ timeout: 30_000 });
        expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
        expect(await page.getByRole("button", { name: "Cancel processing" }).count()).toBe(0);
        expect(await page.getByText("All outputs are ready").count()).toBe(0);
        // The document says so too (its stored status is "failed"), and why it has no outputs.
        await expect.poll(() => page.getByText("Cancelled", { exact: true }).count()).toBe(2);
        await page.getByText("Processing was cancelled. Retry it").waitFor();
        await screenshot(page, "web-document-cancelled");
      }),
    );
    const token = await accessTokenOf(stack, user);
    const { job, outputs } = await apiJobOf(token, page);
    expect(job.status).toBe("cancelled");
    expect(job.started_at).toBeTruthy();
    expect(job.cancel_requested_at).toBeTruthy();
    expect(job.progress).toBeLessThan(100);
    expect(outputs).toEqual([]);

    await withDiagnostics(page, "cancel-retry", async () => {
      // The list tells a cancelled document from a failed one.
      const detailUrl = page.url();
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Documents" })
        .click();
      const row = page
        .getByRole("table", { name: "Your documents" })
        .getByRole("row")
        .filter({ hasText: "Long report" });
      await row.getByText("Cancelled", { exact: true }).waitFor();
      expect(await row.getByText("Failed", { exact: true }).count()).toBe(0);
      await screenshot(page, "web-documents-cancelled");

      // The owner runs it again, on the shared worker, to the end.
      await page.goto(detailUrl);
      await page.getByRole("button", { name: "Retry" }).click();
      await page.getByText("Processing restarted").waitFor();
      await page.getByText("All outputs are ready").waitFor({ timeout: 60_000 });
      const bar = page.getByRole("progressbar", { name: "Processing progress" });
      expect(await bar.getAttribute("aria-valuenow")).toBe("100");
      expect(await page.getByText("Cancelled", { exact: true }).count()).toBe(0);
    });
    const after = await apiJobOf(token, page);
    expect(after.job.status).toBe("succeeded");
    expect(after.job.progress).toBe(100);
    expect(after.outputs).not.toEqual([]);
    await close();
  });

  it("removes a queued job at once; polls less often while it waits and stops when it ends", async () => {
    const { page, user, close } = await openSignedIn(browser, stack, webUrl, "cancel-queued");
    await withDiagnostics(page, "cancel-queued", () =>
      whileSharedWorkerPaused(async () => {
        const polls = recordJobPolls(page);
        await addAndOpen(page, "Waiting memo");
        await page.getByText("Waiting for a worker…").waitFor();
        // Nothing changes while no worker runs: each poll waits longer than the one before.
        await expect.poll(() => polls.length, { timeout: 20_000, interval: 250 }).toBe(4);
        const gaps = polls.slice(1).map((t, i) => t - (polls[i] ?? 0));
        expect(gaps[0]).toBeGreaterThan(1500);
        expect(gaps[1]).toBeGreaterThan(gaps[0] ?? 0);
        expect(gaps[2]).toBeGreaterThan(gaps[1] ?? 0);

        await page.getByRole("button", { name: "Cancel processing" }).click();
        await page
          .getByRole("dialog", { name: "Cancel processing?" })
          .getByRole("button", { name: "Cancel processing" })
          .click();
        await page.getByText("Processing cancelled", { exact: true }).waitFor();
        await page.getByText("Processing was cancelled", { exact: true }).waitFor();
        // Ended: no more status polls.
        const after = polls.length;
        await page.waitForTimeout(3000);
        expect(polls.length).toBe(after);
      }),
    );
    const { job } = await apiJobOf(await accessTokenOf(stack, user), page);
    expect(job.status).toBe("cancelled");
    expect(job.started_at).toBeNull();
    await close();
  });
});
