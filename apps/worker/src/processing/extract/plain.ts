import { decodeUtf8 } from "./decode.ts";
import type { Extracted } from "./types.ts";

/** Plain text: paragraphs are separated by blank lines; whitespace inside them is tidied. */
export function extractPlain(bytes: Uint8Array): Extracted {
  const text = normalizeNewlines(decodeUtf8(bytes));
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean);
  return { text, markdown: paragraphs.map(escapeMarkdownStart).join("\n\n") };
}

/** Markdown is already Markdown: keep it, minus trailing spaces and runs of blank lines. */
export function extractMarkdown(bytes: Uint8Array): Extracted {
  const source = normalizeNewlines(decodeUtf8(bytes));
  const markdown = source
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text: stripMarkdownSyntax(markdown), markdown };
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** A line of plain text that starts like Markdown syntax (`# `, `- `, `1. `) must not become it. */
function escapeMarkdownStart(paragraph: string): string {
  return paragraph.replace(/^([#>*+-]|\d+\.)(\s)/, "\\$1$2");
}

function stripMarkdownSyntax(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n/g, "")
    .replace(/```/g, "")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, "")
    .replace(/^>\s?/gm, "")
    .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, "$1 ($2)")
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, "$2");
}
