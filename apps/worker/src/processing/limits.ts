import { DocumentError } from "./errors.ts";

/** Upper bounds that keep one document from exhausting a worker's memory or time. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_TEXT_CHARS = 5_000_000;

export function assertFileSize(size: number): void {
  if (size === 0) throw new DocumentError("The file is empty");
  if (size > MAX_FILE_BYTES) {
    throw new DocumentError(
      `The file is too large (${formatMb(size)}); the limit is ${formatMb(MAX_FILE_BYTES)}`,
    );
  }
}

export function assertUsableText(text: string): void {
  if (text.trim() === "") throw new DocumentError("The document contains no readable text");
  if (text.length > MAX_TEXT_CHARS) {
    throw new DocumentError(
      `The document has too much text (${text.length} characters); the limit is ${MAX_TEXT_CHARS}`,
    );
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
