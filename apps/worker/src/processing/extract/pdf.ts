import { extractText, getDocumentProxy } from "unpdf";
import { DocumentError } from "../errors.ts";
import type { Extracted } from "./types.ts";

/** PDF text through PDF.js (via unpdf). Scanned PDFs without a text layer are reported, not OCR'd. */
export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  if (!startsWithPdfHeader(bytes)) {
    throw new DocumentError("The file is not a PDF (it does not start with %PDF-)");
  }
  let pages: string[];
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    ({ text: pages } = await extractText(pdf, { mergePages: false }));
  } catch (error) {
    throw new DocumentError(
      `The PDF could not be read (corrupt or encrypted): ${messageOf(error)}`,
    );
  }
  const cleaned = pages.map((page) => page.replace(/[ \t]+/g, " ").trim());
  if (cleaned.every((page) => page === "")) {
    throw new DocumentError("The PDF has no text layer (scanned images are not supported)");
  }
  const markdown = cleaned
    .map((page, index) => (pages.length > 1 ? `## Page ${index + 1}\n\n${page}` : page))
    .join("\n\n");
  return { text: cleaned.join("\n\n"), markdown, units: { pages: pages.length } };
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
