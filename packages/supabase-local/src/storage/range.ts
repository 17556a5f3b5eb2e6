// A single HTTP byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`), clamped to the file size.
// Anything else — several ranges, garbage, a start past the end, an empty file — is refused (416).
import { errors } from "./errors.ts";

export interface ByteRange {
  start: number;
  end: number;
}

export function parseRange(header: string, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || size === 0 || (match[1] === "" && match[2] === "")) throw errors.invalidRange();
  const [, first = "", last = ""] = match;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) throw errors.invalidRange();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) throw errors.invalidRange();
  return { start, end };
}
