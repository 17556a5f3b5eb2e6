// Debian's Chromium driven by playwright-core (no browser download: it works offline).
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const ARTIFACTS_DIR = fileURLToPath(new URL("../artifacts/", import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ContextOptions {
  /** A phone-sized viewport for the mobile checks. */
  mobile?: boolean;
}

export async function newContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Full-page screenshot into e2e/artifacts/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}${name}.png`;
  // Transitions jump to their end, so a bar at 100 % is drawn full, not half-way there.
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Runs a flow; on failure saves a screenshot and adds the page's errors to the thrown error. */
export async function withDiagnostics<T>(
  page: Page,
  name: string,
  flow: () => Promise<T>,
): Promise<T> {
  const errors = watchErrors(page);
  try {
    return await flow();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => {});
    const detail = errors.length ? `\npage errors:\n${errors.join("\n")}` : "";
    const url = `\npage url: ${page.url()}`;
    if (error instanceof Error) error.message += url + detail;
    throw error;
  }
}
