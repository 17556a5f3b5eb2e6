// Operating jobs from the dashboard: a job that really failed is found with the filters, its
// error is shown, Retry runs it again and it succeeds; a system operation runs as a background
// job whose progress the System screen follows; the audit log records both.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  adminQuery,
  auditEntries,
  makeAdmin,
  secretClient,
  signInToAdmin,
} from "./helpers/admin.ts";
import { callMutation } from "./helpers/api.ts";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { makePdf } from "./helpers/pdf.ts";
import { accessTokenOf, createConfirmedUser } from "./helpers/users.ts";

const stack = inject("stack");
const { adminUrl, serverUrl } = inject("e2e");

interface Job {
  id: string;
  status: string;
  started_at: string | null;
  last_error: string | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForJob(token: string, jobId: string, status: string): Promise<Job> {
  let job: Job | undefined;
  await expect
    .poll(
      async () => {
        ({ job } = await adminQuery<{ job: Job }>(serverUrl, token, "admin.jobs.get", { jobId }));
        return job.status;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(status);
  if (!job) throw new Error("unreachable");
  return job;
}

describe("admin dashboard: jobs and system operations", () => {
  it("retries a failed job from the dashboard and it succeeds", async () => {
    const admin = await createConfirmedUser(stack, "jobs-admin");
    await makeAdmin(stack, admin);
    const adminToken = await accessTokenOf(stack, admin);
    const owner = await createConfirmedUser(stack, "jobs-owner");
    const ownerToken = await accessTokenOf(stack, owner);

    // A PDF that is not one: the worker fails the job for real.
    const created = await callMutation<{
      document: { id: string; storage_path: string };
      job: { id: string };
    }>(serverUrl, ownerToken, "documents.create", {
      source: "file",
      fileName: "quarterly.pdf",
      contentBase64: Buffer.from("not a pdf, just text").toString("base64"),
    });
    const failed = await waitForJob(adminToken, created.job.id, "failed");
    expect(failed.last_error).toBeTruthy();

    // The owner fixes the cause (a good file at the same place); the job itself stays failed.
    const { error } = await secretClient(stack)
      .storage.from("documents")
      .upload(created.document.storage_path, makePdf(["Quarterly report", "Revenue grew."]), {
        upsert: true,
        contentType: "application/pdf",
      });
    if (error) throw new Error(`could not replace the file: ${error.message}`);

    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "admin-retry", async () => {
      await signInToAdmin(page, adminUrl, admin, "/jobs");
      await page.getByRole("heading", { name: "Jobs", level: 1 }).waitFor();
      await page.getByLabel("Status").selectOption("failed");
      await page.getByLabel("User id").fill(owner.id);
      await page.getByLabel("User id").press("Enter");
      await page.waitForURL((url) => url.searchParams.get("user") === owner.id);
      const table = page.getByRole("table", { name: "Jobs" });
      const link = table.getByRole("link", { name: `Job ${created.job.id}` });
      await link.waitFor();
      // Other flows have failed jobs too: wait until only this user's one is listed.
      await expect.poll(() => table.getByRole("row").count(), { timeout: 15_000 }).toBe(2);
      await screenshot(page, "admin-jobs");

      await link.click();
      await page.getByRole("heading", { name: "Job document__process", level: 1 }).waitFor();
      await page.getByText(failed.last_error ?? "").waitFor();
      await page.getByText(`"documentId": "${created.document.id}"`).waitFor();
      await screenshot(page, "admin-job-failed");

      await page.getByRole("button", { name: "Retry" }).click();
      await page.getByText("Job queued again").waitFor();
      const state = page
        .locator("section")
        .filter({ has: page.getByRole("heading", { name: "State", exact: true }) });
      await state.getByText("succeeded", { exact: true }).waitFor({ timeout: 60_000 });
      await page
        .getByRole("progressbar", { name: "Job progress" })
        .and(page.locator('[aria-valuenow="100"]'))
        .waitFor();
      expect(await page.getByRole("button", { name: "Retry" }).count()).toBe(0);
      await screenshot(page, "admin-job-succeeded");
    });

    // It really ran again and produced the outputs.
    const after = await waitForJob(adminToken, created.job.id, "succeeded");
    expect(after.started_at).not.toBe(failed.started_at);
    const { data: outputs } = await secretClient(stack)
      .from("outputs")
      .select("kind")
      .eq("document_id", created.document.id);
    expect(outputs?.map((o) => o.kind).sort()).toEqual([
      "entities_csv",
      "markdown",
      "stats_json",
      "summary",
    ]);
    const retries = await auditEntries(serverUrl, adminToken, "admin.jobs.retry");
    expect(retries.find((e) => e.target_id === created.job.id)).toMatchObject({
      actor_id: admin.id,
      target_type: "job",
    });
    await context.close();
  });

  it("bulk-retries one user's failed jobs and nobody else's", async () => {
    const admin = await createConfirmedUser(stack, "bulk-admin");
    await makeAdmin(stack, admin);
    const adminToken = await accessTokenOf(stack, admin);
    const owner = await createConfirmedUser(stack, "bulk-owner");
    const ownerToken = await accessTokenOf(stack, owner);
    const bystander = await createConfirmedUser(stack, "bulk-bystander");
    const broken = async (token: string, name: string) =>
      callMutation<{ job: { id: string } }>(serverUrl, token, "documents.create", {
        source: "file",
        fileName: name,
        contentBase64: Buffer.from("still not a pdf").toString("base64"),
      });
    const jobs = [
      (await broken(ownerToken, "a.pdf")).job.id,
      (await broken(ownerToken, "b.pdf")).job.id,
    ];
    const other = (await broken(await accessTokenOf(stack, bystander), "c.pdf")).job.id;
    const firstRuns = await Promise.all(
      [...jobs, other].map((id) => waitForJob(adminToken, id, "failed")),
    );

    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "admin-bulk-retry", async () => {
      await signInToAdmin(page, adminUrl, admin, `/jobs?status=failed&user=${owner.id}`);
      const table = page.getByRole("table", { name: "Jobs" });
      await expect.poll(() => table.getByRole("row").count(), { timeout: 15_000 }).toBe(3);
      await page.getByRole("button", { name: "Retry all failed" }).click();
      const dialog = page.getByRole("dialog", { name: "Retry every failed job?" });
      await dialog.getByText("of this user").waitFor();
      await dialog.getByRole("button", { name: "Retry failed jobs" }).click();
      await page.getByText("2 failed job(s) queued again").waitFor();
    });

    // Both of the owner's jobs ran again (and failed again: the files are still broken) ...
    await expect
      .poll(
        async () => {
          const now = await Promise.all(
            jobs.map((jobId) =>
              adminQuery<{ job: Job }>(serverUrl, adminToken, "admin.jobs.get", { jobId }),
            ),
          );
          return now.every(
            ({ job }, i) => job.status === "failed" && job.started_at !== firstRuns[i]?.started_at,
          );
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    // ... and the bystander's was left alone.
    const untouched = await adminQuery<{ job: Job }>(serverUrl, adminToken, "admin.jobs.get", {
      jobId: other,
    });
    expect(untouched.job.started_at).toBe(firstRuns[2]?.started_at);
    const audit = await auditEntries(serverUrl, adminToken, "admin.jobs.retryFailed");
    expect(audit.some((e) => e.actor_id === admin.id)).toBe(true);
    await context.close();
  });

  it("starts cleanup as a background job and follows it to the end", async () => {
    const admin = await createConfirmedUser(stack, "system-admin");
    await makeAdmin(stack, admin);
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "admin-system", async () => {
      await signInToAdmin(page, adminUrl, admin, "/system");
      await page.getByRole("heading", { name: "System", level: 1 }).waitFor();
      const card = page.locator("section").filter({ hasText: "Removes old notifications" });
      await card.getByRole("button", { name: "Start" }).click();
      await page
        .getByRole("dialog", { name: "Cleanup?" })
        .getByRole("button", { name: "Start" })
        .click();
      await page.getByText("Cleanup: started").waitFor();
      const runs = page.getByRole("list", { name: "Recent runs: Cleanup" });
      const newest = runs.getByRole("listitem").first();
      await newest.getByText("succeeded", { exact: true }).waitFor({ timeout: 60_000 });
      await screenshot(page, "admin-system");

      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Audit log" })
        .click();
      await page.getByLabel("Action").selectOption("admin.system.cleanup");
      const row = page
        .getByRole("table", { name: "Audit log" })
        .getByRole("row")
        .filter({ hasText: admin.email });
      await row.getByText("admin.system.cleanup").waitFor();
    });
    const token = await accessTokenOf(stack, admin);
    const entries = await auditEntries(serverUrl, token, "admin.system.cleanup");
    expect(entries.some((e) => e.actor_id === admin.id)).toBe(true);
    await context.close();
  });
});
