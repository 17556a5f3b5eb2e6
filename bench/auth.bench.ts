// Auth throughput through supabase-js against supabase-local: password sign-ins per second
// (bcrypt cost 10, as Supabase) and refreshes per second (rotation on), sequential and with
// 4 concurrent clients. To say where the time goes, the same run also measures a bare bcrypt
// compare, an ES256 access-token signature and an HTTP round trip through the gateway.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestStack } from "@docket/supabase-local/testing";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";

const USERS = 8;
const SIGN_INS = 64;
const REFRESHES = 200;
const CONCURRENCY = 4;
const PASSWORD = "bench-password-1";

// bcrypt is supabase-local's dependency; load the very same native module it uses.
const bcrypt = createRequire(join(import.meta.dirname, "../packages/supabase-local/package.json"))(
  "bcrypt",
) as {
  hash(p: string, c: number): Promise<string>;
  compare(p: string, h: string): Promise<boolean>;
};

const work = await mkdtemp(join(tmpdir(), "auth-bench-"));
const supabaseDir = join(work, "supabase");
await mkdir(join(supabaseDir, "migrations"), { recursive: true });
await writeFile(
  join(supabaseDir, "config.toml"),
  'project_id = "auth-bench"\n[auth.email]\nenable_confirmations = false\n',
);
const stack = await startTestStack({ supabaseDir });

const client = (): SupabaseClient =>
  createClient(stack.apiUrl, stack.publishableKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });

async function timed(
  label: string,
  count: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
) {
  let next = 0;
  const latencies: number[] = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const row = { label, perSecond: count / seconds, p50: p(0.5), p95: p(0.95) };
  console.log(
    `${label.padEnd(44)} ${row.perSecond.toFixed(1).padStart(8)}/s   p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms`,
  );
  return row;
}

try {
  const admin = createClient(stack.apiUrl, stack.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const emails = Array.from({ length: USERS }, (_, i) => `bench-${i}@example.com`);
  for (const email of emails) {
    const { error } = await admin.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
    });
    if (error) throw error;
  }
  const hash = await bcrypt.hash(PASSWORD, 10);
  const keys = stack.context.keys;

  console.log(
    `auth bench: ${USERS} users, bcrypt cost 10, ${CONCURRENCY} concurrent clients where noted\n`,
  );
  console.log("— parts —");
  const bcryptSeq = await timed("bcrypt compare (cost 10), in process", 16, 1, async () => {
    await bcrypt.compare(PASSWORD, hash);
  });
  const bcryptPar = await timed(`bcrypt compare ×${CONCURRENCY}`, 32, CONCURRENCY, async () => {
    await bcrypt.compare(PASSWORD, hash);
  });
  const sign = await timed("ES256 access token signature, in process", 500, 1, async () => {
    await keys.signAccessToken({ sub: "x", role: "authenticated" });
  });
  const health = await timed("GET /auth/v1/health through the gateway", 300, 1, async () => {
    const res = await fetch(`${stack.apiUrl}/auth/v1/health`, {
      headers: { apikey: stack.publishableKey },
    });
    await res.arrayBuffer();
  });

  const pool = new pg.Pool({ connectionString: stack.dbUrl, max: 1 });
  const roundTrip = await timed("Postgres round trip (select 1)", 300, 1, async () => {
    await pool.query("select 1");
  });
  await pool.end();

  console.log("\n— through supabase-js —");
  const signInOnce = async (i: number) => {
    const { error } = await client().auth.signInWithPassword({
      email: emails[i % USERS] ?? "",
      password: PASSWORD,
    });
    if (error) throw error;
  };
  const signInSeq = await timed("signInWithPassword, sequential", SIGN_INS / 2, 1, signInOnce);
  const signInPar = await timed(
    `signInWithPassword ×${CONCURRENCY}`,
    SIGN_INS,
    CONCURRENCY,
    signInOnce,
  );

  // One signed-in client per worker; each refresh rotates its token (rotation + reuse window on).
  const sessions = await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const c = client();
      const { error } = await c.auth.signInWithPassword({
        email: emails[i] ?? "",
        password: PASSWORD,
      });
      if (error) throw error;
      return c;
    }),
  );
  const refreshWith = (c: SupabaseClient) => async () => {
    const { error } = await c.auth.refreshSession();
    if (error) throw error;
  };
  const first = sessions[0] as SupabaseClient;
  const refreshSeq = await timed(
    "refreshSession, sequential",
    REFRESHES / 2,
    1,
    refreshWith(first),
  );
  let worker = 0;
  const perWorker = new Map<number, SupabaseClient>();
  const refreshPar = await timed(
    `refreshSession ×${CONCURRENCY}`,
    REFRESHES,
    CONCURRENCY,
    async (i) => {
      const slot = i % CONCURRENCY;
      if (!perWorker.has(slot))
        perWorker.set(slot, sessions[worker++ % CONCURRENCY] as SupabaseClient);
      await refreshWith(perWorker.get(slot) as SupabaseClient)();
    },
  );

  console.log("\n— where the time goes (sequential p50) —");
  const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
  console.log(
    `sign-in ${signInSeq.p50.toFixed(1)} ms: bcrypt ${bcryptSeq.p50.toFixed(1)} ms (${pct(bcryptSeq.p50, signInSeq.p50)}), ` +
      `JWT signature ${sign.p50.toFixed(2)} ms (${pct(sign.p50, signInSeq.p50)}), HTTP round trip ${health.p50.toFixed(2)} ms, ` +
      `rest (SQL: lookup, session, refresh token, AMR, user reload) ${(signInSeq.p50 - bcryptSeq.p50 - sign.p50 - health.p50).toFixed(1)} ms`,
  );
  console.log(
    `refresh ${refreshSeq.p50.toFixed(1)} ms: JWT signature ${sign.p50.toFixed(2)} ms, HTTP ${health.p50.toFixed(2)} ms, ` +
      `rest (one transaction: token lookup, session lock, rotation, user reload) ${(refreshSeq.p50 - sign.p50 - health.p50).toFixed(1)} ms`,
  );
  // Statements per request, counted in the code: sign-in = 3 (user lookup) + 11 (session
  // transaction, audit row included); refresh = 13 (one transaction). Round trips explain most of the non-bcrypt time.
  console.log(
    `SQL round trips: sign-in 14 × ${roundTrip.p50.toFixed(2)} ms = ${(14 * roundTrip.p50).toFixed(1)} ms, ` +
      `refresh 13 × ${roundTrip.p50.toFixed(2)} ms = ${(13 * roundTrip.p50).toFixed(1)} ms (the rest is scheduling on a busy machine)`,
  );
  console.log("\n— ratios —");
  console.log(
    `sign-ins/s ×${CONCURRENCY} vs bcrypt compares/s ×${CONCURRENCY}: ${(signInPar.perSecond / bcryptPar.perSecond).toFixed(2)}`,
  );
  console.log(
    `refreshes/s vs sign-ins/s (×${CONCURRENCY}): ${(refreshPar.perSecond / signInPar.perSecond).toFixed(1)}`,
  );
} finally {
  await stack.stop();
  await rm(work, { recursive: true, force: true });
}
