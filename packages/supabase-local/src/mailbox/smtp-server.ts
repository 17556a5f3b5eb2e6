// A minimal SMTP receiver (RFC 5321 subset) so the app's own mail (nodemailer & co.) lands in the
// mailbox: EHLO/HELO, optional AUTH (any credentials), MAIL, RCPT, DATA, RSET, NOOP, QUIT.
// One mailbox message per envelope recipient. No TLS: local development only.
import { createServer, type Server, type Socket } from "node:net";
import type { Mailbox } from "./mailbox.ts";
import { parseMail } from "./mime.ts";

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

interface Envelope {
  from: string;
  to: string[];
}

function address(arg: string): string {
  return (/<([^>]*)>/.exec(arg)?.[1] ?? arg.split(/\s/)[0] ?? "").trim();
}

export function createSmtpServer(mailbox: Mailbox): Server {
  return createServer((socket) => session(socket, mailbox));
}

function session(socket: Socket, mailbox: Mailbox): void {
  let envelope: Envelope | null = null;
  let data: string[] | null = null;
  let dataBytes = 0;
  let authStep: "none" | "login-user" | "login-pass" | "plain" = "none";
  let buffer = "";
  const reply = (line: string) => socket.write(`${line}\r\n`);

  const finishData = async (lines: string[]) => {
    const current = envelope;
    envelope = null;
    if (!current || dataBytes > MAX_MESSAGE_BYTES) return reply("552 5.3.4 Message too big");
    const raw = lines.map((l) => (l.startsWith("..") ? l.slice(1) : l)).join("\r\n");
    const parsed = parseMail(raw);
    for (const to of current.to) {
      await mailbox.deliver({
        to,
        from: parsed.from || current.from,
        subject: parsed.subject,
        text: parsed.text,
        html: parsed.html,
      });
    }
    reply("250 2.0.0 OK: queued");
  };

  const command = (line: string) => {
    if (authStep !== "none") {
      authStep = authStep === "login-user" ? "login-pass" : "none";
      return reply(
        authStep === "login-pass" ? "334 UGFzc3dvcmQ6" : "235 2.7.0 Authentication successful",
      );
    }
    const [verb = "", ...rest] = line.split(" ");
    const arg = rest.join(" ");
    switch (verb.toUpperCase()) {
      case "EHLO":
        return socket.write(
          `250-supabase-local mailbox\r\n250-SIZE ${MAX_MESSAGE_BYTES}\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 SMTPUTF8\r\n`,
        );
      case "HELO":
        return reply("250 supabase-local mailbox");
      case "AUTH": {
        const [mechanism = "", initial] = arg.split(" ");
        if (mechanism.toUpperCase() === "PLAIN" && initial)
          return reply("235 2.7.0 Authentication successful");
        if (mechanism.toUpperCase() === "PLAIN") {
          authStep = "plain";
          return reply("334 ");
        }
        if (mechanism.toUpperCase() === "LOGIN") {
          authStep = initial ? "login-pass" : "login-user";
          return reply(initial ? "334 UGFzc3dvcmQ6" : "334 VXNlcm5hbWU6");
        }
        return reply("504 5.5.4 Unrecognized authentication type");
      }
      case "MAIL":
        if (!/^from:/i.test(arg)) return reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        envelope = { from: address(arg.slice(5)), to: [] };
        return reply("250 2.1.0 OK");
      case "RCPT":
        if (!envelope) return reply("503 5.5.1 Error: need MAIL command");
        if (!/^to:/i.test(arg)) return reply("501 5.5.4 Syntax: RCPT TO:<address>");
        envelope.to.push(address(arg.slice(3)));
        return reply("250 2.1.5 OK");
      case "DATA":
        if (!envelope?.to.length) return reply("503 5.5.1 Error: need RCPT command");
        data = [];
        dataBytes = 0;
        return reply("354 End data with <CR><LF>.<CR><LF>");
      case "RSET":
        envelope = null;
        return reply("250 2.0.0 OK");
      case "NOOP":
        return reply("250 2.0.0 OK");
      case "QUIT":
        reply("221 2.0.0 Bye");
        return socket.end();
      default:
        return reply("502 5.5.2 Error: command not recognized");
    }
  };

  socket.setEncoding("utf8");
  socket.setTimeout(60_000, () => socket.destroy());
  socket.on("error", () => socket.destroy());
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf("\r\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      if (data) {
        if (line === ".") {
          const lines = data;
          data = null;
          finishData(lines).catch(() => reply("451 4.3.0 Could not store message"));
        } else {
          dataBytes += line.length + 2;
          if (dataBytes <= MAX_MESSAGE_BYTES) data.push(line);
        }
      } else {
        command(line);
      }
      newline = buffer.indexOf("\r\n");
    }
    if (!data && buffer.length > 4096) {
      reply("500 5.5.0 Line too long");
      socket.destroy();
    }
  });
  reply("220 supabase-local mailbox ESMTP");
}

export interface RunningSmtpServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 = a free port); `close()` also drops open client connections. */
export function startSmtpServer(mailbox: Mailbox, port: number): Promise<RunningSmtpServer> {
  const server = createSmtpServer(mailbox);
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `SMTP port ${port} is already in use: change [inbucket] smtp_port in config.toml`,
            )
          : error,
      );
    });
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
