// Loading and error states: while the API is slow each screen says it is loading; when the API
// cannot be reached it says so and offers to try again, which works once the network is back.
// And the server checks uploads again: a client that skips the browser's checks is refused.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callQuery } from "./helpers/api.ts";
import { launchBrowser, screenshot, withDiagnostics } from "./helpers/browser.ts";
import { accessTokenOf, createConfirmedUser, openSignedIn } from "./helpers/users.ts";

const stack = inject("stack");
const { webUrl, serverUrl } = inject("e2e");
const API_CALLS = `${serverUrl}/trpc/**`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Holds every API call until the returned function is called, then lets them all through. */
async function holdApi(page: Page): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: Promise<void>[] = [];
  await page.route(API_CALLS, (route) => {
    const passed = released.then(() => route.continue());
    held.push(passed);
    return passed;
  });
  return async () => {
    release();
    await Promise.all(held);
    await page.unroute(API_CALLS);
  };
}

describe("loading and error states", () => {
  it("shows loading, then an error with Try again when the API is unreachable", async () => {
    const { page, close } = await openSignedIn(browser, stack, webUrl, "states");
    await withDiagnostics(page, "states", async () => {
      // Slow API: each screen shows its spinner, then its content.
      for (const [path, loading, loaded] of [
        ["/documents", "Loading documents", "No documents yet"],
        ["/notifications", "Loading notifications", "Nothing new"],
        ["/profile", "Loading your profile", "Display name"],
      ] as const) {
        const release = await holdApi(page);
        await page.goto(`${webUrl}${path}`);
        await page.getByRole("status").getByText(loading).waitFor();
        await release();
        await page.getByText(loaded).first().waitFor();
      }

      // No network to the API: the list says so after its retries, with a way to try again.
      await page.route(API_CALLS, (route) => route.abort("internetdisconnected"));
      await page.goto(`${webUrl}/documents`);
      const alert = page.getByRole("alert").filter({ hasText: "Could not load your documents" });
      await alert.getByText("Cannot reach the server").waitFor({ timeout: 30_000 });
      await screenshot(page, "web-documents-error");
      await page.unroute(API_CALLS);
      await alert.getByRole("button", { name: "Try again" }).click();
      await page.getByText("No documents yet").waitFor();
      expect(await alert.count()).toBe(0);
    });
    await close();
  });
});

describe("the server checks uploads again", () => {
  it("refuses an unsupported type, an oversized file and an empty one sent straight to the API", async () => {
    const user = await createConfirmedUser(stack, "server-checks");
    const token = await accessTokenOf(stack, user);
    const send = async (fileName: string, bytes: Buffer) => {
      const response = await fetch(`${serverUrl}/trpc/documents.create`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          source: "file",
          fileName,
          contentBase64: bytes.toString("base64"),
        }),
      });
      return { status: response.status, body: JSON.stringify(await response.json()) };
    };
    const png = await send("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(png.status).toBe(400);
    expect(png.body).toContain("Supported files");
    const huge = await send("huge.txt", Buffer.alloc(5 * 1024 * 1024 + 1, 97));
    expect(huge.status).toBe(413);
    const empty = await send("empty.md", Buffer.alloc(0));
    expect(empty.status).toBe(400);
    // Nothing was stored.
    const list = await callQuery(serverUrl, token, "documents.list", {});
    expect(list.status).toBe(200);
    expect((list.body as { result: { data: { total: number } } }).result.data.total).toBe(0);
  });
});
