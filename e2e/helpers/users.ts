// Users for the flows. Sign-up itself is tested through the UI; the other flows start from a
// confirmed account made with the Auth admin API (the real supabase-js, secret key, test side only).
import { randomUUID } from "node:crypto";
import type { StackInfo } from "@docket/supabase-local/testing";
import { createClient } from "@supabase/supabase-js";
import type { Browser, Page } from "playwright-core";
import { newContext } from "./browser.ts";

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export async function createConfirmedUser(stack: StackInfo, label: string): Promise<TestUser> {
  const admin = createClient(stack.apiUrl, stack.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const email = uniqueEmail(label);
  const password = `pw-${randomUUID()}`;
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
  });
  if (error || !data.user) throw new Error(`createUser failed: ${error?.message}`);
  return { id: data.user.id, email, password };
}

/** A session for calling the API directly as that user (not through the browser). */
export async function accessTokenOf(stack: StackInfo, user: TestUser): Promise<string> {
  const client = createClient(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { data, error } = await client.auth.signInWithPassword(user);
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return data.session.access_token;
}

/** Signs in through the UI with e-mail and password and waits for the documents page. */
export async function signInThroughUi(page: Page, webUrl: string, user: TestUser): Promise<void> {
  await page.goto(`${webUrl}/sign-in`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${webUrl}/documents`);
  await page.getByRole("heading", { name: "Documents", level: 1 }).waitFor();
}

/** A fresh confirmed user, signed in through the UI in a new browser context. */
export async function openSignedIn(
  browser: Browser,
  stack: StackInfo,
  webUrl: string,
  label: string,
): Promise<{ page: Page; user: TestUser; close: () => Promise<void> }> {
  const user = await createConfirmedUser(stack, label);
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInThroughUi(page, webUrl, user);
  return { page, user, close: () => context.close() };
}
