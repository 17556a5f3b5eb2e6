// Real users on the real stack: each test makes its own, so tests never share state.
import { randomUUID } from "node:crypto";
import { createAccessTokenVerifier } from "@docket/auth";
import { createSecretClient } from "@docket/supabase";
import { createClient } from "@supabase/supabase-js";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { type ApiDeps, appRouter, createCallerFactory, createContextInner } from "../src/index.ts";

export const stack = inject("stack");

/** Every log line the API wrote during this test file, for assertions and for debugging. */
export const logLines: { level: string; details: Record<string, unknown>; message: string }[] = [];
const record = (level: string) => (details: Record<string, unknown>, message: string) => {
  logLines.push({ level, details, message });
  if (level === "error") console.error(message, details);
};

export const deps: ApiDeps = {
  supabaseUrl: stack.apiUrl,
  publishableKey: stack.publishableKey,
  secretKey: stack.secretKey,
  logger: { info: record("info"), warn: record("warn"), error: record("error") },
};

export const secret = createSecretClient({ url: stack.apiUrl, secretKey: stack.secretKey });
const verifier = createAccessTokenVerifier({ supabaseUrl: stack.apiUrl });
const createCaller = createCallerFactory(appRouter);

const pool = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
afterAll(() => pool.end());

/** Direct SQL as the database owner, for assertions the API cannot make (e.g. the queue). */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  return (await pool.query<T>(text, values)).rows;
}

export type Caller = ReturnType<typeof createCaller>;

export interface TestUser {
  id: string;
  email: string;
  token: string;
  caller: Caller;
}

export function callerFor(
  session: { token: string; claims: Awaited<ReturnType<typeof verifier.verify>> } | null,
  requestId = `test-${randomUUID()}`,
): Caller {
  return createCaller(
    createContextInner({
      requestId,
      user: session?.claims ?? null,
      token: session?.token ?? null,
      deps,
    }),
  );
}

export const anonymous = () => callerFor(null);

/** Creates a confirmed user, signs them in and returns a caller acting as them. */
export async function newUser(
  label = "user",
  options: { admin?: boolean } = {},
): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@test.docket.local`;
  const password = `pw-${randomUUID()}`;
  const created = await secret.auth.admin.createUser({ email, password, email_confirm: true });
  if (created.error) throw created.error;
  if (options.admin) {
    const { error } = await secret
      .from("user_roles")
      .insert({ user_id: created.data.user.id, role: "admin" });
    if (error) throw error;
  }
  const auth = createClient(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const signedIn = await auth.auth.signInWithPassword({ email, password });
  if (signedIn.error || !signedIn.data.session) throw signedIn.error ?? new Error("no session");
  const token = signedIn.data.session.access_token;
  const claims = await verifier.verify(token);
  return { id: created.data.user.id, email, token, caller: callerFor({ token, claims }) };
}

/** The error shape a client would receive (the error formatter applied), for a failed call. */
export async function errorShapeOf(call: Promise<unknown>, ctx?: { requestId: string }) {
  const error = await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCError)) throw error;
  return getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: "test",
    input: undefined,
    ctx: ctx as never,
  });
}

export const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
