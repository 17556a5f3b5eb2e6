// Helpers for the admin dashboard flows: making a first admin (the one step no UI can do: an
// admin must exist to grant admin), signing in to the dashboard, and reading rows as an admin.
import type { StackInfo } from "@docket/supabase-local/testing";
import { createClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { callQuery } from "./api.ts";
import type { TestUser } from "./users.ts";

export function secretClient(stack: StackInfo) {
  return createClient(stack.apiUrl, stack.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** Writes the user_roles row directly with the secret key, as an operator would for the first admin. */
export async function makeAdmin(stack: StackInfo, user: TestUser): Promise<void> {
  const { error } = await secretClient(stack)
    .from("user_roles")
    .insert({ user_id: user.id, role: "admin" });
  if (error) throw new Error(`could not make ${user.email} an admin: ${error.message}`);
}

/** Signs in on the dashboard's own form; resolves once the page after sign-in has settled. */
export async function signInToAdmin(page: Page, adminUrl: string, user: TestUser, path = "/") {
  await page.goto(`${adminUrl}${path}`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The result of an admin query, failing loudly on any error answer. */
export async function adminQuery<T>(
  serverUrl: string,
  token: string,
  path: string,
  input: unknown,
): Promise<T> {
  const { status, body } = await callQuery(serverUrl, token, path, input);
  const data = (body as { result?: { data: T } }).result?.data;
  if (status !== 200 || data === undefined) {
    throw new Error(`${path} → ${status} ${JSON.stringify(body)}`);
  }
  return data;
}

export interface AuditEntry {
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
}

/** The newest audit rows for one action, straight from the API (what the screen should show). */
export async function auditEntries(
  serverUrl: string,
  token: string,
  action: string,
): Promise<AuditEntry[]> {
  const page = await adminQuery<{ items: AuditEntry[] }>(serverUrl, token, "admin.audit.list", {
    action,
    limit: 20,
  });
  return page.items;
}
