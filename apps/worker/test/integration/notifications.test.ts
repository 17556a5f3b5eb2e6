import { enqueueJob } from "@docket/jobs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { notificationId } from "../../src/notifications/send-notification.ts";
import {
  connect,
  createUser,
  enqueueDocument,
  finished,
  insertTextDocument,
  waitForJob,
} from "../support/db.ts";
import { type ReceivedMail, startSmtpSink } from "../support/smtp-sink.ts";
import { startTestWorker } from "../support/worker.ts";

const stack = inject("stack");
const db = connect(stack.dbUrl);
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  worker = await startTestWorker({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await db.end();
});

async function mailTo(address: string): Promise<ReceivedMail> {
  await expect
    .poll(() => smtp.mails.some((m) => m.to.includes(address)), { timeout: 10_000 })
    .toBe(true);
  return smtp.mails.find((m) => m.to.includes(address)) as ReceivedMail;
}

describe("notification__send", () => {
  it("tracked send: an in-app notification row and an e-mail to the profile address", async () => {
    const email = `n-${crypto.randomUUID()}@docket.test`;
    const userId = await createUser(db, email);
    const jobId = await enqueueJob(db, {
      ownerId: userId,
      kind: "notification__send",
      input: {
        userId,
        kind: "welcome",
        title: "Welcome to Docket",
        body: "Glad you are here.",
        link: "http://x.test/d",
        email: true,
      },
    });
    const job = await waitForJob(db, jobId, finished);
    expect(job.status).toBe("succeeded");
    const { rows } = await db.query(
      "select id, kind, title, body, link, read_at from public.notifications where user_id = $1",
      [userId],
    );
    expect(rows).toEqual([
      {
        id: notificationId(jobId),
        kind: "welcome",
        title: "Welcome to Docket",
        body: "Glad you are here.",
        link: "http://x.test/d",
        read_at: null,
      },
    ]);
    const mail = await mailTo(email);
    expect(mail.data).toContain("Subject: Welcome to Docket");
    expect(mail.data).toContain("Glad you are here.");
    expect(mail.data).toContain("http://x.test/d");
  });

  it("a processed document notifies its owner once, in-app and by e-mail", async () => {
    const email = `d-${crypto.randomUUID()}@docket.test`;
    const owner = await createUser(db, email);
    const documentId = await insertTextDocument(
      db,
      owner,
      "Quarterly notes",
      "Revenue grew. Costs fell. Margins improved a lot this quarter.",
    );
    const jobId = await enqueueDocument(db, owner, documentId);
    expect((await waitForJob(db, jobId, finished)).status).toBe("succeeded");
    const mail = await mailTo(email);
    expect(mail.data).toContain("Subject: Ready: Quarterly notes");
    const { rows } = await db.query(
      "select kind, link from public.notifications where user_id = $1",
      [owner],
    );
    expect(rows).toEqual([
      { kind: "document_ready", link: `http://127.0.0.1:5173/documents/${documentId}` },
    ]);
  });

  it("a document that fails for good tells its owner why", async () => {
    const email = `f-${crypto.randomUUID()}@docket.test`;
    const owner = await createUser(db, email);
    const documentId = await insertTextDocument(db, owner, "Blank page", "   ");
    const job = await waitForJob(db, await enqueueDocument(db, owner, documentId), finished);
    expect(job.status).toBe("failed");
    const mail = await mailTo(email);
    expect(mail.data).toContain("Subject: Processing failed: Blank page");
    expect(mail.data).toContain("The document contains no readable text");
    const { rows } = await db.query(
      "select kind, body from public.notifications where user_id = $1",
      [owner],
    );
    expect(rows).toEqual([
      { kind: "document_failed", body: "The document contains no readable text" },
    ]);
  });

  it("a notification for a user that no longer exists is dropped, not retried", async () => {
    const userId = crypto.randomUUID();
    const owner = await createUser(db);
    const jobId = await enqueueJob(db, {
      ownerId: owner,
      kind: "notification__send",
      input: { userId, kind: "x", title: "Nobody", body: "home" },
    });
    const job = await waitForJob(db, jobId, finished);
    expect(job).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: "The user no longer exists",
    });
  });
});
