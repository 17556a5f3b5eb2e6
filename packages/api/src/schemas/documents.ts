import { DOCUMENT_STATUSES } from "@docket/jobs";
import { z } from "zod";
import { MAX_TEXT_CHARS } from "../lib/upload-limits.ts";
import { id, pagination, searchTerm } from "./common.ts";

const title = z.string().trim().min(1, "Give the document a title").max(200);

export const listDocumentsInput = z.object({
  search: searchTerm,
  status: z.enum(DOCUMENT_STATUSES).optional(),
  ...pagination,
});

export const documentIdInput = z.object({ id });

function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

// Plain file names only: no folders, no control characters, no leading dot.
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && !hasControlCharacter(name), "Use a plain file name")
  .refine((name) => !name.startsWith("."), "Use a plain file name");

export const createDocumentInput = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("text"),
    title,
    text: z.string().min(1, "Paste some text").max(MAX_TEXT_CHARS),
  }),
  z.object({
    source: z.literal("file"),
    title: title.optional(),
    fileName,
    // Base64 of the file. The exact byte limit is enforced after validation (413); this cap
    // only stops absurd inputs before they are held in memory twice.
    contentBase64: z
      .string()
      .min(1, "The file is empty")
      .max(64 * 1024 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Not base64"),
  }),
]);

export const renameDocumentInput = z.object({ id, title });

export type CreateDocumentInput = z.infer<typeof createDocumentInput>;
