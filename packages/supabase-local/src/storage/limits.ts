// Size and MIME rules: the stack-wide limit from config.toml, bucket limits, and the
// allowed_mime_types matching rule of Supabase (same type and either `*` or the exact rest).
import { errors } from "./errors.ts";

const BINARY_UNITS: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** config.toml `[storage] file_size_limit` ("50MiB"); the CLI reads units as powers of 1024. */
export function parseConfigSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = BINARY_UNITS[(match?.[2] ?? "").toLowerCase() || "b"];
  if (!match || unit === undefined) {
    throw new Error(`storage.file_size_limit: cannot read "${text}" (use e.g. "50MiB")`);
  }
  return Math.floor(Number(match[1]) * unit);
}

const DECIMAL_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 };

/** A bucket's `file_size_limit`: integer bytes, null, or "<n>(GB|MB|KB|B)" in decimal units. */
export function parseBucketSize(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(gb|mb|kb|b)\s*$/i.exec(value);
    const unit = DECIMAL_UNITS[(match?.[2] ?? "").toLowerCase()];
    if (match && unit !== undefined) {
      return Math.round(Number(Number(match[1]).toPrecision(3)) * unit);
    }
    if (/^\d+$/.test(value.trim())) return Number(value.trim());
  }
  throw errors.invalidRequest("Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B");
}

const MIME_ENTRY = /^[A-Za-z0-9\-+.]+\/[A-Za-z0-9\-+.]+(;\s*charset=[A-Za-z0-9\-_.]+)?$/i;

/** Cleans and checks `allowed_mime_types` as given to create/update. */
export function parseAllowedMimeTypes(value: unknown): string[] | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw errors.validation("body/allowed_mime_types must be array");
  }
  const entries = (value as string[]).filter((v) => v !== "");
  for (const entry of entries) {
    if (!MIME_ENTRY.test(entry) && !entry.endsWith("*")) throw errors.invalidMimeType(entry);
  }
  return entries;
}

export function assertMimeAllowed(mimetype: string, allowed: string[] | null): void {
  if (!allowed || allowed.length === 0) return;
  const slash = mimetype.indexOf("/");
  if (slash < 0) throw errors.invalidMimeType(mimetype);
  const type = mimetype.slice(0, slash);
  const rest = mimetype.slice(slash + 1);
  const ok = allowed.some((entry) => {
    const at = entry.indexOf("/");
    if (at < 0) return false;
    const entrySub = entry.slice(at + 1);
    return entry.slice(0, at) === type && (entrySub === "*" || entrySub === rest);
  });
  if (!ok) throw errors.invalidMimeType(mimetype);
}
