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
import { whileSharedWorkerPaused } from "./helpers/worker.ts";

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

  it("cancels a queued job, finds it with every filter, and runs it again", async () => {
    const admin = await createConfirmedUser(stack, "cancel-admin");
    await makeAdmin(stack, admin);
    const adminToken = await accessTokenOf(stack, admin);
    const owner = await createConfirmedUser(stack, "cancel-owner");
    const ownerToken = await accessTokenOf(stack, owner);
    const context = await newContext(browser);
    const page = await context.newPage();
    const state = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "State", exact: true }) });

    let jobId = "";
    // With no worker running, the job stays queued until the dashboard cancels it.
    await whileSharedWorkerPaused(async () => {
      const created = await callMutation<{ job: { id: string } }>(
        serverUrl,
        ownerToken,
        "documents.create",
        { source: "text", title: "Queued memo", text: "Waiting for a worker that is paused." },
      );
      jobId = created.job.id;
      await withDiagnostics(page, "admin-cancel", async () => {
        await signInToAdmin(page, adminUrl, admin, `/jobs/${jobId}`);
        await state.getByText("queued", { exact: true }).waitFor();
        await page.getByRole("button", { name: "Cancel", exact: true }).click();
        await page.getByText("Cancel requested").waitFor();
        await state.getByText("cancelled", { exact: true }).waitFor();
        // Attempts and timings: it never started.
        await state.getByText("0 of", { exact: false }).waitFor();
      });
    });
    expect((await waitForJob(adminToken, jobId, "cancelled")).started_at).toBeNull();

    await withDiagnostics(page, "admin-job-filters", async () => {
      // Status, kind, time window and user together narrow the list to this one job.
      await page.goto(`${adminUrl}/jobs`);
      await page.getByLabel("Status").selectOption("cancelled");
      await page.getByLabel("Kind").selectOption("document__process");
      await page.getByLabel("Created within").selectOption("1h");
      await page.getByLabel("User id").fill(owner.id);
      await page.getByLabel("User id").press("Enter");
      await page.waitForURL(
        (url) =>
          url.searchParams.get("user") === owner.id &&
          url.searchParams.get("kind") === "document__process" &&
          url.searchParams.get("window") === "1h" &&
          url.searchParams.get("status") === "cancelled",
      );
      const table = page.getByRole("table", { name: "Jobs" });
      await expect.poll(() => table.getByRole("row").count(), { timeout: 15_000 }).toBe(2);
      await table.getByRole("link", { name: `Job ${jobId}` }).click();

      await page.getByRole("button", { name: "Retry" }).click();
      await page.getByText("Job queued again").waitFor();
      await state.getByText("succeeded", { exact: true }).waitFor({ timeout: 60_000 });
      await state.getByText("1 of", { exact: false }).waitFor();
      await screenshot(page, "admin-job-retried-after-cancel");
    });
    for (const action of ["admin.jobs.cancel", "admin.jobs.retry"]) {
      const entries = await auditEntries(serverUrl, adminToken, action);
      expect(
        entries.find((e) => e.target_id === jobId),
        action,
      ).toMatchObject({
        actor_id: admin.id,
        target_type: "job",
      });
    }
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

  it("reprocesses every document as a background job, with the overview in step", async () => {
    const admin = await createConfirmedUser(stack, "reprocess-admin");
    await makeAdmin(stack, admin);
    const adminToken = await accessTokenOf(stack, admin);
    const owner = await createConfirmedUser(stack, "reprocess-owner");
    const created = await callMutation<{ job: { id: string } }>(
      serverUrl,
      await accessTokenOf(stack, owner),
      "documents.create",
      { source: "text", title: "Reprocess me", text: "Processed once, then once more." },
    );
    await waitForJob(adminToken, created.job.id, "succeeded");

    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "admin-overview", async () => {
      // The overview's counts are the server's (nothing else runs while files run one by one).
      await signInToAdmin(page, adminUrl, admin, "/");
      await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
      const overview = await adminQuery<{ users: number; documents: number }>(
        serverUrl,
        adminToken,
        "admin.system.overview",
        {},
      );
      const stat = (label: string) =>
        page.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) });
      await stat("Users").getByText(String(overview.users), { exact: true }).waitFor();
      await stat("Documents").getByText(String(overview.documents), { exact: true }).waitFor();
      await stat("Queue depth").waitFor();
      await stat("Failed jobs, last 24 h").waitFor();
      await page.getByRole("heading", { name: "Jobs by status" }).waitFor();
    });

    await withDiagnostics(page, "admin-reprocess", async () => {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "System" })
        .click();
      const card = page.locator("section").filter({ hasText: "Queues processing again" });
      await card.getByRole("button", { name: "Start" }).click();
      await page
        .getByRole("dialog", { name: "Reprocess all documents?" })
        .getByRole("button", { name: "Start" })
        .click();
      await page.getByText("Reprocess all documents: started").waitFor();
      const newest = page
        .getByRole("list", { name: "Recent runs: Reprocess all documents" })
        .getByRole("listitem")
        .first();
      await newest.getByText("succeeded", { exact: true }).waitFor({ timeout: 60_000 });
      await newest.getByRole("progressbar").and(page.locator('[aria-valuenow="100"]')).waitFor();
      await screenshot(page, "admin-system-reprocess");
    });

    // The owner's document was processed again by a new job, and the fan-out has drained (so
    // later flows do not wait behind it).
    await expect
      .poll(
        async () => {
          const { items } = await adminQuery<{ items: Job[] }>(
            serverUrl,
            adminToken,
            "admin.jobs.list",
            { ownerId: owner.id, kind: "document__process", limit: 5 },
          );
          return items.map((j) => j.status);
        },
        { timeout: 90_000, interval: 500 },
      )
      .toEqual(["succeeded", "succeeded"]);
    await expect
      .poll(
        async () => {
          const { queue } = await adminQuery<{ queue: { due: number; locked: number } | null }>(
            serverUrl,
            adminToken,
            "admin.system.overview",
            {},
          );
          return queue ? queue.due + queue.locked : -1;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(0);
    const entries = await auditEntries(serverUrl, adminToken, "admin.system.reprocessAll");
    expect(entries.some((e) => e.actor_id === admin.id)).toBe(true);
    await context.close();
  });
});
