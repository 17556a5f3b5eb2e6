// Who gets into the admin dashboard: a non-admin is refused (screen and server), an admin
// grants admin to that user who then gets in, a revoke takes effect on their very next call,
// and the audit log shows each action with who did it and to whom.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditEntries, makeAdmin, signInToAdmin } from "./helpers/admin.ts";
import { callQuery } from "./helpers/api.ts";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, createConfirmedUser } from "./helpers/users.ts";

const stack = inject("stack");
const { adminUrl, serverUrl } = inject("e2e");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("admin dashboard access", () => {
  it("refuses a non-admin on screen and on the server", async () => {
    const user = await createConfirmedUser(stack, "not-admin");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "admin-refused", async () => {
      await signInToAdmin(page, adminUrl, user, "/users");
      await page.getByRole("heading", { name: "Not authorized", level: 1 }).waitFor();
      await page.getByText(`${user.email} is not a Docket admin`).waitFor();
      // Nothing of the dashboard is on the page.
      expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
      await screenshot(page, "admin-not-authorized");

      // The screen only reflects the server's answer: the API refuses the same token.
      const token = await accessTokenOf(stack, user);
      for (const path of ["admin.users.list", "admin.jobs.list", "admin.audit.list"]) {
        const { status } = await callQuery(serverUrl, token, path, {});
        expect(status, path).toBe(403);
      }
    });
    await context.close();
  });

  it("an admin grants admin to a user, who then gets in; a revoke locks them out again", async () => {
    const admin = await createConfirmedUser(stack, "granting-admin");
    await makeAdmin(stack, admin);
    const newcomer = await createConfirmedUser(stack, "newcomer");

    const adminContext = await newContext(browser);
    const adminPage = await adminContext.newPage();
    const userContext = await newContext(browser);
    const userPage = await userContext.newPage();

    await withDiagnostics(userPage, "admin-newcomer-refused", async () => {
      await signInToAdmin(userPage, adminUrl, newcomer);
      await userPage.getByRole("heading", { name: "Not authorized" }).waitFor();
    });

    await withDiagnostics(adminPage, "admin-grant", async () => {
      await signInToAdmin(adminPage, adminUrl, admin);
      await adminPage.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
      await adminPage.getByText("Jobs per hour, last 24 h").waitFor();
      await adminPage.locator(".recharts-surface").first().waitFor();
      await screenshot(adminPage, "admin-overview");

      await adminPage
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Users" })
        .click();
      await adminPage.getByLabel("Search by e-mail or name").fill(newcomer.email);
      const users = adminPage.getByRole("table", { name: "Users" });
      await users.getByRole("link", { name: newcomer.email }).waitFor();
      // The search is debounced: wait for the list to narrow to the header + the one match.
      await expect.poll(() => users.getByRole("row").count(), { timeout: 15_000 }).toBe(2);
      await screenshot(adminPage, "admin-users");
      await users.getByRole("link", { name: newcomer.email }).click();
      await adminPage.getByRole("heading", { name: newcomer.email, level: 1 }).waitFor();

      await adminPage.getByRole("button", { name: "Grant admin" }).click();
      const dialog = adminPage.getByRole("dialog", { name: "Grant admin?" });
      await dialog.getByRole("button", { name: "Grant admin" }).click();
      await adminPage.getByText("Admin granted").waitFor();
      await adminPage.getByRole("button", { name: "Revoke admin" }).waitFor();
      await screenshot(adminPage, "admin-user-detail");
    });

    await withDiagnostics(userPage, "admin-newcomer-admitted", async () => {
      await userPage.getByRole("button", { name: "Reload" }).click();
      await userPage.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
      await userPage.getByRole("navigation", { name: "Main" }).waitFor();
    });

    await withDiagnostics(adminPage, "admin-revoke", async () => {
      await adminPage.getByRole("button", { name: "Revoke admin" }).click();
      await adminPage
        .getByRole("dialog", { name: "Revoke admin?" })
        .getByRole("button", { name: "Revoke admin" })
        .click();
      await adminPage.getByText("Admin revoked").waitFor();
    });

    // Same tab, same token: the next call is refused and the screen says so.
    await withDiagnostics(userPage, "admin-newcomer-revoked", async () => {
      await userPage
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Audit log" })
        .click();
      await userPage.getByRole("heading", { name: "Not authorized" }).waitFor();
    });

    await withDiagnostics(adminPage, "admin-audit", async () => {
      await adminPage
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Audit log" })
        .click();
      await adminPage.getByLabel("Target id").fill(newcomer.id);
      await adminPage.getByLabel("Target id").press("Enter");
      const log = adminPage.getByRole("table", { name: "Audit log" });
      const grant = log.getByRole("row").filter({ hasText: "admin.users.grantAdmin" });
      const revoke = log.getByRole("row").filter({ hasText: "admin.users.revokeAdmin" });
      await grant.waitFor();
      await revoke.waitFor();
      // Who: the granting admin's e-mail; what: the action; to whom: the newcomer.
      await grant.getByText(admin.email).waitFor();
      await grant.getByRole("link", { name: `user ${newcomer.id.slice(0, 8)}` }).waitFor();
      await revoke.getByText(admin.email).waitFor();
      // Header + the two actions on this user, once the target filter has applied.
      await expect.poll(() => log.getByRole("row").count(), { timeout: 15_000 }).toBe(3);
      await screenshot(adminPage, "admin-audit");
    });

    // The screen matches what the server recorded.
    const token = await accessTokenOf(stack, admin);
    const grants = await auditEntries(serverUrl, token, "admin.users.grantAdmin");
    expect(grants.find((e) => e.target_id === newcomer.id)).toMatchObject({
      actor_id: admin.id,
      target_type: "user",
    });

    await adminContext.close();
    await userContext.close();
  });
});
