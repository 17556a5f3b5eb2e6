import { DocumentError } from "./errors.ts";

export type FileKind = "text" | "markdown" | "csv" | "json" | "html" | "pdf";

const byExtension: Record<string, FileKind> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  csv: "csv",
  json: "json",
  html: "html",
  htm: "html",
  pdf: "pdf",
};

const byMime: Record<string, FileKind> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/csv": "csv",
  "application/json": "json",
  "text/html": "html",
  "application/pdf": "pdf",
};

export const SUPPORTED_EXTENSIONS = Object.keys(byExtension);

/** The extension decides; the MIME type is a fallback for names without one. */
export function detectFileKind(fileName: string, mimeType?: string | null): FileKind {
  const dot = fileName.lastIndexOf(".");
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  const fromName = byExtension[extension];
  if (fromName) return fromName;
  const fromMime = mimeType
    ? byMime[mimeType.split(";")[0]?.trim().toLowerCase() ?? ""]
    : undefined;
  if (!extension && fromMime) return fromMime;
  throw new DocumentError(
    `Unsupported file type "${extension ? `.${extension}` : (mimeType ?? "unknown")}": upload .txt, .md, .csv, .json, .html or .pdf`,
  );
}
