// Just enough MIME to read what mail libraries send: headers (folded, RFC 2047 encoded words),
// multipart bodies, quoted-printable and base64 parts. Text is decoded as UTF-8 (or latin1).

export interface ParsedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

type Headers = Map<string, string>;

function splitHead(raw: string): { headers: Headers; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? "" : raw.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers: Headers = new Map();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBytes(bytes: Buffer, charset: string): string {
  const label = charset.toLowerCase();
  return label === "iso-8859-1" || label === "latin1"
    ? bytes.toString("latin1")
    : bytes.toString("utf8");
}

function quotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** `=?utf-8?B?…?=` and `=?utf-8?Q?…?=` words in headers. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_all, charset: string, enc: string, text: string) =>
        enc.toUpperCase() === "B"
          ? decodeBytes(Buffer.from(text, "base64"), charset)
          : decodeBytes(quotedPrintable(text.replace(/_/g, " ")), charset),
    );
}

function param(header: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, "i").exec(header);
  return match ? (match[2] ?? match[1]) : undefined;
}

function decodeBody(body: string, headers: Headers): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const charset = param(headers.get("content-type") ?? "", "charset") ?? "utf-8";
  if (encoding === "base64")
    return decodeBytes(Buffer.from(body.replace(/\s+/g, ""), "base64"), charset);
  if (encoding === "quoted-printable") return decodeBytes(quotedPrintable(body), charset);
  return body;
}

function collectParts(raw: string, into: { text: string; html: string }): void {
  const { headers, body } = splitHead(raw);
  const type = (headers.get("content-type") ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = param(headers.get("content-type") ?? "", "boundary");
    if (!boundary) return;
    const sections = body.split(`--${boundary}`);
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      collectParts(section.replace(/^\r?\n/, ""), into);
    }
    return;
  }
  const disposition = (headers.get("content-disposition") ?? "").toLowerCase();
  if (disposition.startsWith("attachment")) return;
  if (type.startsWith("text/html") && !into.html)
    into.html = decodeBody(body, headers).replace(/\r?\n$/, "");
  else if (type.startsWith("text/plain") && !into.text)
    into.text = decodeBody(body, headers).replace(/\r?\n$/, "");
}

function addresses(value: string): string[] {
  return [...value.matchAll(/<([^>]+)>|([^\s,<>"]+@[^\s,<>"]+)/g)].map((m) =>
    (m[1] ?? m[2] ?? "").trim(),
  );
}

export function parseMail(raw: string): ParsedMail {
  const { headers } = splitHead(raw);
  const parts = { text: "", html: "" };
  collectParts(raw, parts);
  return {
    from: decodeWords(headers.get("from") ?? ""),
    to: addresses(headers.get("to") ?? ""),
    subject: decodeWords(headers.get("subject") ?? ""),
    text: parts.text,
    html: parts.html,
  };
}
