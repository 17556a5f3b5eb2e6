import type { FileKind } from "../file-kind.ts";
import { extractCsv } from "./csv.ts";
import { extractHtml } from "./html.ts";
import { extractJson } from "./json.ts";
import { extractPdf } from "./pdf.ts";
import { extractMarkdown, extractPlain } from "./plain.ts";
import type { Extracted } from "./types.ts";

export type { Extracted } from "./types.ts";

export async function extract(bytes: Uint8Array, kind: FileKind): Promise<Extracted> {
  switch (kind) {
    case "text":
      return extractPlain(bytes);
    case "markdown":
      return extractMarkdown(bytes);
    case "csv":
      return extractCsv(bytes);
    case "json":
      return extractJson(bytes);
    case "html":
      return extractHtml(bytes);
    case "pdf":
      return extractPdf(bytes);
  }
}
