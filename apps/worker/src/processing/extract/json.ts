import { DocumentError } from "../errors.ts";
import { decodeUtf8 } from "./decode.ts";
import type { Extracted } from "./types.ts";

/**
 * JSON: the analysable text is every string value (keys are structure, not content); the Markdown
 * rendition is the pretty-printed document in a fenced block.
 */
export function extractJson(bytes: Uint8Array): Extracted {
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(`The JSON file is not valid JSON: ${(error as Error).message}`);
  }
  const strings: string[] = [];
  collectStrings(value, strings);
  const pretty = JSON.stringify(value, null, 2);
  return { text: strings.join("\n"), markdown: `\`\`\`json\n${pretty}\n\`\`\`` };
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === "string") {
    if (value.trim()) into.push(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
}
