// What a document upload may be. The worker can read these formats; the limit keeps a base64
// upload inside one JSON request (the server's body limit must allow ~1.37× this).
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Longest pasted text, in characters (the database allows the same). */
export const MAX_TEXT_CHARS = 1_000_000;

export const ALLOWED_FILE_TYPES: Readonly<Record<string, string>> = {
  txt: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  csv: "text/csv",
  json: "application/json",
  html: "text/html",
  htm: "text/html",
  pdf: "application/pdf",
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** The MIME type stored for a file name, or null when the format is not supported. */
export function mimeTypeFor(fileName: string): string | null {
  return ALLOWED_FILE_TYPES[extensionOf(fileName)] ?? null;
}

/** Decoded size of a base64 string without decoding it (so oversized uploads cost nothing). */
export function base64DecodedSize(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
