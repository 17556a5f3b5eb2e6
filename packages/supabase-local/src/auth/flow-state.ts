// PKCE flow states (auth.flow_state): created when a flow starts, get an auth code once the user
// is known, and are consumed exactly once by POST /token?grant_type=pkce.
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import type { PkceParams } from "./validate.ts";

export interface FlowStateRow {
  id: string;
  user_id: string | null;
  auth_code: string;
  code_challenge_method: string;
  code_challenge: string;
  provider_type: string;
  provider_access_token: string | null;
  provider_refresh_token: string | null;
  authentication_method: string;
  created_at: Date;
  auth_code_issued_at: Date | null;
  referrer: string | null;
}

export async function createFlowState(
  db: Db,
  flow: {
    userId: string | null;
    pkce: PkceParams | null;
    providerType: string;
    method: string;
    referrer?: string;
  },
): Promise<FlowStateRow> {
  const { rows } = await db.query<FlowStateRow>(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge,
       provider_type, created_at, updated_at, authentication_method, referrer)
     values ($1, $2, $3, $4, $5, $6, now(), now(), $7, $8)
     returning *, code_challenge_method::text as code_challenge_method`,
    [
      randomUUID(),
      flow.userId,
      randomUUID(),
      flow.pkce?.method ?? "s256",
      flow.pkce?.challenge ?? "",
      flow.providerType,
      flow.method,
      flow.referrer ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("flow_state insert returned nothing");
  return row;
}

const SELECT =
  "select *, code_challenge_method::text as code_challenge_method from auth.flow_state";

export async function findFlowState(
  db: Db,
  where: "id" | "auth_code",
  value: string,
): Promise<FlowStateRow | null> {
  const { rows } = await db.query<FlowStateRow>(`${SELECT} where ${where}::text = $1 for update`, [
    value,
  ]);
  return rows[0] ?? null;
}

export async function latestFlowStateOf(
  db: Db,
  userId: string,
  method: string,
): Promise<FlowStateRow | null> {
  const { rows } = await db.query<FlowStateRow>(
    `${SELECT} where user_id = $1 and authentication_method = $2 order by created_at desc limit 1 for update`,
    [userId, method],
  );
  return rows[0] ?? null;
}

/** Marks the code as handed out; magic-link flows time out from this moment. */
export async function issueAuthCode(
  db: Db,
  id: string,
  update: { userId?: string; providerAccessToken?: string; providerRefreshToken?: string } = {},
): Promise<void> {
  await db.query(
    `update auth.flow_state set auth_code_issued_at = now(), updated_at = now(),
       user_id = coalesce($2, user_id), provider_access_token = coalesce($3, provider_access_token),
       provider_refresh_token = coalesce($4, provider_refresh_token)
     where id = $1`,
    [
      id,
      update.userId ?? null,
      update.providerAccessToken ?? null,
      update.providerRefreshToken ?? null,
    ],
  );
}

export function verifierMatches(flow: FlowStateRow, verifier: string): boolean {
  if (flow.code_challenge_method.toLowerCase() === "plain") return verifier === flow.code_challenge;
  const digest = createHash("sha256").update(verifier).digest("base64url");
  return digest === flow.code_challenge;
}
