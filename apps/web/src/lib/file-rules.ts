// What the browser accepts before sending anything: the types the worker can read and the API's
// upload limit (packages/api upload-limits.ts; the file travels base64 in one JSON request). The
// server checks both again; this only saves a round trip and tells the user at once.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_PASTED_CHARS = 1_000_000;

/** Extension → the MIME type we send when the browser reports none (or a vague one). */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  txt: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  csv: "text/csv",
  json: "application/json",
  html: "text/html",
  htm: "text/html",
  pdf: "application/pdf",
};

/** For the file input's `accept` attribute. */
export const ACCEPT_ATTRIBUTE = Object.keys(ACCEPTED_TYPES)
  .map((ext) => `.${ext}`)
  .join(",");

export type FileCheck = { ok: true; mimeType: string } | { ok: false; reason: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

export function checkFile(file: { name: string; size: number; type: string }): FileCheck {
  const ext = extensionOf(file.name);
  const mimeType = ACCEPTED_TYPES[ext];
  if (!mimeType) {
    return {
      ok: false,
      reason: `${file.name}: this type is not supported. Use ${ACCEPT_ATTRIBUTE.replaceAll(",", ", ")}.`,
    };
  }
  if (file.size === 0) return { ok: false, reason: `${file.name} is empty.` };
  if (file.size > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      reason: `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}.`,
    };
  }
  if (/[/\\]/.test(file.name) || file.name.length > 255) {
    return { ok: false, reason: "The file name must be at most 255 characters, without slashes." };
  }
  return { ok: true, mimeType };
}

export function checkPastedText(title: string, text: string): string | null {
  if (title.trim().length === 0) return "Give the document a title.";
  if (title.trim().length > 200) return "The title can be at most 200 characters.";
  if (text.trim().length === 0) return "Paste some text first.";
  if (text.length > MAX_PASTED_CHARS) {
    return `The text is ${text.length.toLocaleString("en")} characters; the limit is ${MAX_PASTED_CHARS.toLocaleString("en")}.`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
