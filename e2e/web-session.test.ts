// Sessions in the browser: an expired access token is replaced without the user noticing (both
// when the API refuses it and when the client sees it expire first), the session survives a
// reload, and a refresh that cannot succeed signs the user out with a message.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newContext, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { createConfirmedUser, signInThroughUi } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl, tokenMinterUrl } = inject("e2e");
// supabase-js/auth-js keep the session under sb-<first label of the host>-auth-token.
const STORAGE_KEY = `sb-${new URL(stack.apiUrl).hostname.split(".")[0]}-auth-token`;

interface StoredSession {
  access_token: string;
  refresh_token: string;
  expires_at: number;
  [key: string]: unknown;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function readSession(page: Page): Promise<StoredSession> {
  const raw = await page.evaluate(`localStorage.getItem(${JSON.stringify(STORAGE_KEY)})`);
  if (typeof raw !== "string") throw new Error("no stored session");
  return JSON.parse(raw) as StoredSession;
}

async function writeSession(page: Page, session: StoredSession): Promise<void> {
  await page.evaluate(
    `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(session))})`,
  );
}

/** The same user's claims, signed with the stack's real key, but expired a minute ago. */
async function expiredTokenLike(accessToken: string): Promise<string> {
  const payload = accessToken.split(".")[1] ?? "";
  const {
    iat: _iat,
    exp: _exp,
    ...claims
  } = JSON.parse(Buffer.from(payload, "base64url").toString());
  const response = await fetch(tokenMinterUrl, {
    method: "POST",
    body: JSON.stringify({ claims, expiredSecondsAgo: 60 }),
  });
  return ((await response.json()) as { token: string }).token;
}

interface ApiCall {
  status: number;
  token: string;
}

/** Every API response the page gets, with the token its request carried. */
function recordApiCalls(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on("response", (response) => {
    if (!response.url().includes("/trpc/")) return;
    const auth = response.request().headers().authorization ?? "";
    calls.push({ status: response.status(), token: auth.replace(/^Bearer /, "") });
  });
  return calls;
}

/** Counts the refresh-token grants the page asks Auth for. */
function countRefreshes(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on("request", (request) => {
    const url = request.url();
    if (url.includes("/auth/v1/token") && url.includes("grant_type=refresh_token")) seen.count++;
  });
  return seen;
}

describe("the session in the browser", () => {
  it("refreshes an access token the API rejects as expired, and retries the call", async () => {
    const user = await createConfirmedUser(stack, "expired");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "expired-token", async () => {
      await signInThroughUi(page, webUrl, user);
      const session = await readSession(page);
      const expired = await expiredTokenLike(session.access_token);
      // The client still believes the token is good for an hour: only the API can tell.
      await writeSession(page, {
        ...session,
        access_token: expired,
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      });
      const calls = recordApiCalls(page);
      const refreshes = countRefreshes(page);

      await page.getByRole("link", { name: "Profile" }).click();
      await page.getByLabel("Display name").waitFor();
      await expect
        .poll(() => page.getByLabel("E-mail").inputValue(), { timeout: 15_000 })
        .toBe(user.email);

      // The API refused the expired token; the same calls then went through with a new one.
      const refused = calls.filter((c) => c.token === expired);
      console.info(`expired token: ${refused.length} API call(s) refused, then retried`);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((c) => c.status === 401)).toBe(true);
      const retried = calls.filter((c) => c.token !== expired);
      expect(retried.length).toBeGreaterThan(0);
      expect(retried.every((c) => c.status === 200)).toBe(true);
      const after = await readSession(page);
      expect(retried.at(-1)?.token).toBe(after.access_token);
      expect(after.access_token).not.toBe(expired);
      expect(after.refresh_token).not.toBe(session.refresh_token);
      // Every refused call waited for the same single refresh.
      expect(refreshes.count).toBe(1);
      expect(page.url()).toBe(`${webUrl}/profile`);
      await screenshot(page, "web-profile");
    });
    await context.close();
  });

  it("refreshes a token the client sees expired, across a reload", async () => {
    const user = await createConfirmedUser(stack, "reload");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "reload", async () => {
      await signInThroughUi(page, webUrl, user);
      const session = await readSession(page);
      await writeSession(page, {
        ...session,
        access_token: await expiredTokenLike(session.access_token),
        expires_at: Math.floor(Date.now() / 1000) - 60,
      });
      const calls = recordApiCalls(page);
      await page.reload();
      await page.getByText("No documents yet").waitFor();
      expect(page.url()).toBe(`${webUrl}/documents`);
      // Refreshed before the first call went out: the API never saw the stale token.
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.map((c) => c.status)).not.toContain(401);
      expect((await readSession(page)).access_token).not.toBe(session.access_token);
    });
    await context.close();
  });

  it("signs out with a message when the refresh token no longer works", async () => {
    const user = await createConfirmedUser(stack, "revoked");
    const context = await newContext(browser);
    const page = await context.newPage();
    await withDiagnostics(page, "revoked", async () => {
      await signInThroughUi(page, webUrl, user);
      const session = await readSession(page);
      await writeSession(page, {
        ...session,
        access_token: await expiredTokenLike(session.access_token),
        refresh_token: "revoked-refresh-token",
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      });
      await page.getByRole("link", { name: "Notifications" }).click();
      await page.waitForURL(/\/sign-in/);
      await page.getByText("Your session has ended. Please sign in again.").waitFor();
      await screenshot(page, "web-signed-out");
      // The stale session is gone from storage.
      expect(
        await page.evaluate(`localStorage.getItem(${JSON.stringify(STORAGE_KEY)})`),
      ).toBeNull();
      // Signing in again works and brings the user back to where they were going.
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${webUrl}/notifications`);
      expect(await page.getByText("Your session has ended").count()).toBe(0);
    });
    await context.close();
  });
});
