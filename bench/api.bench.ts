// API throughput: the real server (apps/server/src/main.ts) against an equivalent FastAPI + PyJWT
// app, both verifying the bearer token on every request, at 50 connections with autocannon.
//   trivial  — an authed procedure that answers from the verified token alone
//   rls-read — an authed procedure reading the user's latest 5 documents through the Data API
// Docket is measured with single calls and with tRPC batches of 5; FastAPI has no batching, so its
// calls/s equal its req/s. Prints figures and the ratios the issue sets as targets.
import { startTestStack } from "@docket/supabase-local/testing";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { type LoadResult, runLoad } from "./api/load.ts";
import { startDocketServer, startFastApi, stopChild } from "./api/processes.ts";
import { ensurePythonBaseline } from "./api/python-deps.ts";
import { printRatios, printTable } from "./api/report.ts";

const DURATION_SECONDS = 10;
const ROUNDS = 2;
const TRIVIAL = "ping";
const RLS_READ = "documents.list";
const RLS_INPUT = { limit: 5 };

const trpcUrl = (base: string, path: string, input: unknown, batch: number) => {
  if (batch === 1)
    return `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`;
  const paths = Array.from({ length: batch }, () => path).join(",");
  const inputs = Object.fromEntries(Array.from({ length: batch }, (_, i) => [i, input ?? null]));
  return `${base}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
};

async function signedInUserWithDocuments(stack: Awaited<ReturnType<typeof startTestStack>>) {
  const noSession = { auth: { persistSession: false, autoRefreshToken: false } };
  const email = `bench-${Date.now()}@example.test`;
  const password = "bench-password-1";
  const admin = createClient(stack.apiUrl, stack.secretKey, noSession);
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (created.error || !created.data.user)
    throw new Error(`create user: ${created.error?.message}`);
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  await db.query(
    `insert into public.documents (owner_id, title, source, text_content, status, created_at)
     select $1, 'Bench document ' || n, 'text', 'Some text to read.', 'ready', now() - n * interval '1 minute'
     from generate_series(1, 8) n`,
    [created.data.user.id],
  );
  await db.end();
  const client = createClient(stack.apiUrl, stack.publishableKey, noSession);
  const session = await client.auth.signInWithPassword({ email, password });
  if (!session.data.session) throw new Error(`sign in: ${session.error?.message}`);
  return session.data.session.access_token;
}

/** Both apps must give the same answer before their speed means anything. */
async function checkSameAnswers(docket: string, fastapi: string | null, token: string) {
  const get = async (url: string) => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200)
      throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const ours = (await get(trpcUrl(docket, RLS_READ, RLS_INPUT, 1))) as {
    result: { data: { items: Array<{ id: string }> } };
  };
  await get(trpcUrl(docket, TRIVIAL, undefined, 1));
  if (ours.result.data.items.length !== 5) throw new Error("docket rls-read did not return 5 rows");
  if (!fastapi) return;
  await get(`${fastapi}/trivial`);
  const theirs = (await get(`${fastapi}/rls-read`)) as Array<{ id: string }>;
  const same =
    JSON.stringify(theirs.map((d) => d.id)) ===
    JSON.stringify(ours.result.data.items.map((d) => d.id));
  if (!same) throw new Error("docket and fastapi read different rows");
}

const baseline = ensurePythonBaseline();
let failed = false;
const stack = await startTestStack();
const children: Awaited<ReturnType<typeof startDocketServer>>[] = [];
try {
  const token = await signedInUserWithDocuments(stack);
  const docket = await startDocketServer(stack);
  children.push(docket);
  const fastapi = baseline ? await startFastApi(stack) : null;
  if (fastapi) children.push(fastapi);
  await checkSameAnswers(docket.url, fastapi?.url ?? null, token);

  const pid = docket.child.pid;
  const docketSpecs = (kind: string, path: string, input: unknown) => [
    {
      name: `docket ${kind} single`,
      url: trpcUrl(docket.url, path, input, 1),
      callsPerRequest: 1,
      pid,
    },
    {
      name: `docket ${kind} batch of 5`,
      url: trpcUrl(docket.url, path, input, 5),
      callsPerRequest: 5,
      pid,
    },
  ];
  // Each baseline runs next to the runs it is compared with, and every scenario runs ROUNDS
  // times keeping the best: other work on the machine then hurts both sides alike.
  const specs = [
    ...(fastapi
      ? [
          {
            name: "fastapi trivial",
            url: `${fastapi.url}/trivial`,
            callsPerRequest: 1,
            pid: fastapi.child.pid,
          },
        ]
      : []),
    ...docketSpecs("trivial", TRIVIAL, undefined),
    ...(fastapi
      ? [
          {
            name: "fastapi rls-read",
            url: `${fastapi.url}/rls-read`,
            callsPerRequest: 1,
            pid: fastapi.child.pid,
          },
        ]
      : []),
    ...docketSpecs("rls-read", RLS_READ, RLS_INPUT),
  ];
  const best = new Map<string, LoadResult>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const spec of specs) {
      process.stdout.write(`round ${round}: ${spec.name}…\n`);
      const result = await runLoad({ ...spec, token }, DURATION_SECONDS);
      const previous = best.get(spec.name);
      if (!previous || result.callsPerSecond > previous.callsPerSecond) best.set(spec.name, result);
    }
  }
  const results = specs.flatMap((spec) => best.get(spec.name) ?? []);
  printTable(results);
  if (fastapi) printRatios(best);
  if (results.some((r) => r.failures > 0)) {
    console.error("\nsome requests failed: the figures above are not valid");
    failed = true;
  }
} finally {
  for (const child of children) await stopChild(child.child);
  await stack.stop();
}
process.exit(failed ? 1 : 0);
