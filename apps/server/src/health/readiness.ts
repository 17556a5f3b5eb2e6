// Readiness: can this instance serve authenticated requests right now? It needs Auth (the signing
// keys and the Auth service) and the database, reached through the Data API as the API reaches it.
import type { AccessTokenVerifier } from "@docket/auth";

export type ReadinessCheck = () => Promise<void>;

export interface SupabaseReadinessOptions {
  supabaseUrl: string;
  publishableKey: string;
  /** The database probe reads with the secret key, so it depends on no table grant for anon. */
  secretKey: string;
  verifier: AccessTokenVerifier;
  timeoutMs?: number;
}

export function supabaseReadinessChecks(
  options: SupabaseReadinessOptions,
): Record<string, ReadinessCheck> {
  const base = options.supabaseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 2_000;
  const expectOk = async (path: string, apikey: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: { apikey },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  };
  return {
    auth: () => expectOk("/auth/v1/health", options.publishableKey),
    jwks: () => options.verifier.warm(),
    // One indexed row through the Data API proves PostgREST and Postgres both answer.
    database: () => expectOk("/rest/v1/profiles?select=id&limit=1", options.secretKey),
  };
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, "ok" | "failing">;
}

export async function runReadiness(checks: Record<string, ReadinessCheck>): Promise<{
  report: ReadinessReport;
  failures: Record<string, unknown>;
}> {
  const names = Object.keys(checks);
  const outcomes = await Promise.allSettled(names.map((name) => checks[name]?.()));
  const report: ReadinessReport = { ready: true, checks: {} };
  const failures: Record<string, unknown> = {};
  outcomes.forEach((outcome, i) => {
    const name = names[i] ?? String(i);
    report.checks[name] = outcome.status === "fulfilled" ? "ok" : "failing";
    if (outcome.status === "rejected") {
      report.ready = false;
      failures[name] = outcome.reason;
    }
  });
  return { report, failures };
}
