// The Users screens: a search that spans pages, a user's documents and jobs, and the account
// actions on a user's page: ban stops sign-in until unban; delete asks first, does nothing when
// the admin backs out, and removes the account for good when confirmed.
import { randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditEntries, makeAdmin, secretClient, signInToAdmin } from "./helpers/admin.ts";
import { callMutation } from "./helpers/api.ts";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, createConfirmedUser, type TestUser } from "./helpers/users.ts";

const stack = inject("stack");
const { adminUrl, serverUrl } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The Auth error code a password sign-in gets, or null when it succeeds. */
async function signInError(user: TestUser): Promise<string | null> {
  const client = createClient(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { error } = await client.auth.signInWithPassword(user);
  return error ? (error.code ?? error.message) : null;
}

describe("admin dashboard: account actions", () => {
  it("bans and unbans a user, and deletes one only after confirmation", async () => {
    const admin = await createConfirmedUser(stack, "users-admin");
    await makeAdmin(stack, admin);
    const target = await createConfirmedUser(stack, "ban-target");
    const context = await newContext(browser);
    const page = await context.newPage();

    await withDiagnostics(page, "admin-ban", async () => {
      await signInToAdmin(page, adminUrl, admin, `/users/${target.id}`);
      await page.getByRole("heading", { name: target.email, level: 1 }).waitFor();
      await page.getByRole("button", { name: "Ban" }).click();
      await page
        .getByRole("dialog", { name: "Ban this user?" })
        .getByRole("button", { name: "Ban" })
        .click();
      await page.getByText("User banned").waitFor();
      await page.getByText("banned", { exact: true }).waitFor();
      await screenshot(page, "admin-user-banned");
    });
    expect(await signInError(target)).toBe("user_banned");

    await withDiagnostics(page, "admin-unban", async () => {
      await page.getByRole("button", { name: "Unban" }).click();
      await page.getByText("User unbanned").waitFor();
      await page.getByRole("button", { name: "Ban" }).waitFor();
    });
    expect(await signInError(target)).toBeNull();

    await withDiagnostics(page, "admin-delete", async () => {
      await page.getByRole("button", { name: "Delete user" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete this user?" });
      await dialog.getByText("This cannot be undone").waitFor();
      await screenshot(page, "admin-delete-confirm");
      // Backing out changes nothing.
      await dialog.getByRole("button", { name: "Keep as is" }).click();
      await dialog.waitFor({ state: "hidden" });
      const kept = await secretClient(stack).auth.admin.getUserById(target.id);
      expect(kept.data.user?.id).toBe(target.id);

      await page.getByRole("button", { name: "Delete user" }).click();
      await dialog.getByRole("button", { name: "Delete for good" }).click();
      await page.getByText("User deleted").waitFor();
      await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    });
    const gone = await secretClient(stack).auth.admin.getUserById(target.id);
    expect(gone.data.user).toBeNull();
    expect(await signInError(target)).toBe("invalid_credentials");

    const token = await accessTokenOf(stack, admin);
    for (const action of ["admin.users.ban", "admin.users.unban", "admin.users.delete"]) {
      const entries = await auditEntries(serverUrl, token, action);
      expect(
        entries.find((e) => e.target_id === target.id),
        action,
      ).toMatchObject({
        actor_id: admin.id,
      });
    }
    await context.close();
  });

  it("pages through the users a search finds, and shows a user's documents and jobs", async () => {
    const admin = await createConfirmedUser(stack, "list-admin");
    await makeAdmin(stack, admin);
    // Setup: 22 users share a tag in their e-mail, one more than a page (20).
    const tag = `pager-${randomUUID().slice(0, 6)}`;
    const tagged = await Promise.all(
      Array.from({ length: 22 }, () => createConfirmedUser(stack, tag)),
    );
    const writer = tagged[0];
    if (!writer) throw new Error("unreachable");
    const { job } = await callMutation<{ job: { id: string } }>(
      serverUrl,
      await accessTokenOf(stack, writer),
      "documents.create",
      { source: "text", title: "Field report", text: "Seen by the admin on the user's page." },
    );

    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "admin-users-pages", async () => {
      await signInToAdmin(page, adminUrl, admin, "/users");
      await page.getByLabel("Search by e-mail or name").fill(tag);
      const table = page.getByRole("table", { name: "Users" });
      const pager = page.getByRole("navigation", { name: "Users pages" });
      // The search is debounced: wait until only tagged users are listed.
      const listed = () => table.getByRole("link").allTextContents();
      await expect
        .poll(async () => (await listed()).every((email) => email.includes(tag)), {
          timeout: 15_000,
        })
        .toBe(true);
      await pager.getByText("Page 1 of 2").waitFor();
      const firstPage = await listed();
      expect(firstPage).toHaveLength(20);
      await pager.getByRole("button", { name: "Next" }).click();
      await pager.getByText("Page 2 of 2").waitFor();
      await expect.poll(() => table.getByRole("row").count()).toBe(3);
      const secondPage = await listed();
      expect(new Set([...firstPage, ...secondPage])).toEqual(new Set(tagged.map((u) => u.email)));

      await page.goto(`${adminUrl}/users/${writer.id}`);
      await page.getByRole("heading", { name: writer.email, level: 1 }).waitFor();
      const docs = page.getByRole("table", { name: "Their documents" });
      await docs.getByRole("cell", { name: "Field report" }).waitFor();
      const jobs = page.getByRole("table", { name: "Their jobs" });
      await jobs.getByRole("link", { name: `Job ${job.id}` }).waitFor();
      await page.getByRole("link", { name: "All their jobs" }).click();
      await page.waitForURL((url) => url.searchParams.get("user") === writer.id);
      await page
        .getByRole("table", { name: "Jobs" })
        .getByRole("link", { name: `Job ${job.id}` })
        .waitFor();
    });
    await context.close();
  });
});
