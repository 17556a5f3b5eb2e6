// The mailbox on its own: persistence on disk, the HTTP API and page, and the SMTP receiver
// speaking to a client the way nodemailer does (EHLO, AUTH, MAIL, RCPT, DATA with MIME).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo, Server as NetServer } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMailbox,
  createMailboxServer,
  createSmtpServer,
  startSmtpServer,
} from "../../src/mailbox/index.ts";
import type { Mailbox } from "../../src/mailbox/mailbox.ts";

let dir: string;
let mailbox: Mailbox;
let http: Server;
let smtp: NetServer;
let httpUrl: string;
let smtpPort: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mailbox-test-"));
  mailbox = createMailbox(dir);
  http = createMailboxServer(mailbox);
  smtp = createSmtpServer(mailbox);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  smtpPort = (smtp.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await new Promise((resolve) => smtp.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Runs one SMTP conversation: sends each command after the server's previous reply. */
async function smtpSession(commands: string[]): Promise<string[]> {
  const socket = connect(smtpPort, "127.0.0.1");
  socket.setEncoding("utf8");
  const replies: string[] = [];
  let pending = "";
  const nextReply = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no SMTP reply; got ${replies.join(" | ")}`)),
        5000,
      );
      const onData = (chunk: string) => {
        pending += chunk;
        // A reply is complete at a line whose 4th character is a space ("250 ok", not "250-…").
        const lines = pending.split("\r\n");
        const done = lines.findIndex((l) => /^\d{3} /.test(l) || /^\d{3}$/.test(l));
        if (done >= 0) {
          clearTimeout(timer);
          socket.off("data", onData);
          const reply = lines.slice(0, done + 1).join("\n");
          pending = lines.slice(done + 1).join("\r\n");
          resolve(reply);
        }
      };
      socket.on("data", onData);
    });
  replies.push(await nextReply());
  for (const command of commands) {
    socket.write(`${command}\r\n`);
    replies.push(await nextReply());
  }
  socket.end();
  return replies;
}

describe("SMTP receiver", () => {
  it("accepts a multipart message with encoded headers and stores one copy per recipient", async () => {
    const message = [
      'From: "Docket" <noreply@docket.test>',
      "To: ann@example.com, bob@example.com",
      "Subject: =?UTF-8?B?Sm9iIGRvbmUg4pyU?=",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="--b1"',
      "",
      "----b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Your report is ready =E2=9C=94 a very long line that was soft-=",
      "wrapped",
      "..and a line starting with a dot",
      "----b1",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("<p>Your report is <b>ready</b></p>").toString("base64"),
      "----b1--",
      ".",
    ].join("\r\n");
    const replies = await smtpSession([
      "EHLO client.test",
      `AUTH PLAIN ${Buffer.from("\0user\0pass").toString("base64")}`,
      "MAIL FROM:<noreply@docket.test> SIZE=1000",
      "RCPT TO:<ann@example.com>",
      "RCPT TO:<bob@example.com>",
      "DATA",
      message,
      "QUIT",
    ]);
    expect(replies[1]).toContain("250-AUTH PLAIN LOGIN");
    expect(replies[2]).toMatch(/^235/);
    expect(replies.slice(3, 6).every((r) => r.startsWith("250"))).toBe(true);
    expect(replies[6]).toMatch(/^354/);
    expect(replies[7]).toMatch(/^250/);
    expect(replies[8]).toMatch(/^221/);

    const [ann] = await mailbox.list({ to: "ANN@example.com" });
    expect(ann).toMatchObject({
      from: '"Docket" <noreply@docket.test>',
      subject: "Job done ✔",
      text: "Your report is ready ✔ a very long line that was soft-wrapped\r\n.and a line starting with a dot",
      html: "<p>Your report is <b>ready</b></p>",
    });
    expect(await mailbox.list({ to: "bob@example.com" })).toHaveLength(1);
  });

  it("answers commands out of order with SMTP errors instead of hanging", async () => {
    const replies = await smtpSession([
      "RCPT TO:<x@example.com>",
      "DATA",
      "BOGUS",
      "MAIL nonsense",
      "QUIT",
    ]);
    expect(replies.slice(1, 5).map((r) => r.slice(0, 3))).toEqual(["503", "503", "502", "501"]);
  });
});

describe("startSmtpServer", () => {
  it("binds a free port and closes even while a client is still connected", async () => {
    const running = await startSmtpServer(mailbox, 0);
    expect(running.port).toBeGreaterThan(0);
    const idle = connect(running.port, "127.0.0.1");
    await new Promise((resolve) => idle.once("data", resolve));
    const began = Date.now();
    await running.close();
    expect(Date.now() - began).toBeLessThan(2000);
    await expect(startSmtpServer(mailbox, smtpPort)).rejects.toThrow(/already in use/);
  });
});

describe("HTTP API and persistence", () => {
  it("lists (newest first, filtered), reads and deletes messages; files follow", async () => {
    const first = await mailbox.deliver({
      to: "api@example.com",
      from: "a@b.c",
      subject: "One",
      text: "1",
      html: "",
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await mailbox.deliver({
      to: "api@example.com",
      from: "a@b.c",
      subject: "<Two>",
      text: "2",
      html: "",
    });
    const list = (await (await fetch(`${httpUrl}/api/messages?to=api@example.com`)).json()) as {
      id: string;
    }[];
    expect(list.map((m) => m.id)).toEqual([second.id, first.id]);
    const one = await fetch(`${httpUrl}/api/messages/${first.id}`);
    expect(((await one.json()) as { subject: string }).subject).toBe("One");
    const page = await (await fetch(`${httpUrl}/?to=api@example.com`)).text();
    expect(page).toContain("&lt;Two&gt;");
    expect(page).not.toContain("<Two>");

    // A second mailbox on the same folder (a restarted stack) sees the same messages.
    expect((await createMailbox(dir).list({ to: "api@example.com" })).map((m) => m.id)).toEqual([
      first.id,
      second.id,
    ]);

    expect((await fetch(`${httpUrl}/api/messages/${first.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await fetch(`${httpUrl}/api/messages/${first.id}`)).status).toBe(404);
    expect((await fetch(`${httpUrl}/api/messages/${first.id}`, { method: "DELETE" })).status).toBe(
      404,
    );
    expect(await readdir(dir)).not.toContain(`${first.id}.json`);
    expect(
      (await fetch(`${httpUrl}/api/messages?to=api@example.com`, { method: "DELETE" })).status,
    ).toBe(204);
    expect(await mailbox.list({ to: "api@example.com" })).toEqual([]);
  });
});
