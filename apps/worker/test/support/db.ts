import { randomUUID } from "node:crypto";
import { enqueueJob } from "@docket/jobs";
import pg from "pg";

export type JobRow = {
  id: string;
  status: string;
  progress: number;
  attempts: number;
  last_error: string | null;
  result: Record<string, unknown> | null;
  request_id: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  cancel_requested_at: Date | null;
};

export function connect(dbUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: dbUrl, max: 4 });
}

/** A confirmed user straight in auth.users (the profiles trigger adds the profile row). */
export async function createUser(
  db: pg.Pool,
  email = `u-${randomUUID()}@docket.test`,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token,
       email_change_token_new, email_change, email_change_token_current, phone_change,
       phone_change_token, reauthentication_token)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '', now(),
       '{"provider":"email","providers":["email"]}', '{}', now(), now(), '', '', '', '', '', '', '', '')`,
    [id, email],
  );
  return id;
}

export async function insertTextDocument(
  db: pg.Pool,
  ownerId: string,
  title: string,
  text: string,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.documents (owner_id, title, source, text_content, mime_type, size_bytes)
     values ($1, $2, 'text', $3, 'text/plain', octet_length($3)) returning id`,
    [ownerId, title, text],
  );
  return rows[0]?.id ?? "";
}

export async function insertFileDocument(
  db: pg.Pool,
  doc: {
    id: string;
    ownerId: string;
    title: string;
    fileName: string;
    mimeType: string;
    size: number;
  },
): Promise<void> {
  await db.query(
    `insert into public.documents (id, owner_id, title, source, file_name, mime_type, size_bytes, storage_path)
     values ($1::uuid, $2::uuid, $3, 'file', $4::text, $5, $6, $2::text || '/' || $1::text || '/' || $4::text)`,
    [doc.id, doc.ownerId, doc.title, doc.fileName, doc.mimeType, doc.size],
  );
}

export function enqueueDocument(
  db: pg.Pool,
  ownerId: string,
  documentId: string,
  requestId?: string,
  maxAttempts?: number,
) {
  return enqueueJob(db, {
    ownerId,
    kind: "document__process",
    input: { documentId },
    documentId,
    requestId: requestId ?? null,
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}

export async function getJob(db: pg.Pool, jobId: string): Promise<JobRow> {
  const { rows } = await db.query<JobRow>("select * from public.jobs where id = $1", [jobId]);
  if (!rows[0]) throw new Error(`no job ${jobId}`);
  return rows[0];
}

/** Polls the jobs row until `done` holds (bounded). */
export async function waitForJob(
  db: pg.Pool,
  jobId: string,
  done: (row: JobRow) => boolean,
  timeoutMs = 20_000,
): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await getJob(db, jobId);
    if (done(row)) return row;
    if (Date.now() > deadline)
      throw new Error(
        `job ${jobId} stuck at ${row.status} (${row.progress}%): ${row.last_error ?? ""}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const finished = (row: JobRow) => ["succeeded", "failed", "cancelled"].includes(row.status);

/** graphile-worker's copy of a tracked job (job_key = jobs.id), or null once it was completed. */
export async function queuedJob(db: pg.Pool, jobId: string) {
  const { rows } = await db.query<{
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    locked_by: string | null;
    run_at: Date;
  }>(
    "select attempts, max_attempts, last_error, locked_by, run_at from graphile_worker.jobs where key = $1",
    [jobId],
  );
  return rows[0] ?? null;
}

/** Calls an exposed SQL function the way the Data API does for a secret-key request. */
export async function asServiceRole<R extends pg.QueryResultRow>(
  db: pg.Pool,
  sql: string,
  params: unknown[],
) {
  const client = await db.connect();
  try {
    await client.query("begin");
    await client.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`);
    const result = await client.query<R>(sql, params);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}
