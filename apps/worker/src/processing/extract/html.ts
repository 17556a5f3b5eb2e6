import { Parser } from "htmlparser2";
import { decodeUtf8 } from "./decode.ts";
import type { Extracted } from "./types.ts";

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe"]);
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "table",
  "tr",
  "blockquote",
  "ul",
  "ol",
  "li",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "br",
  "hr",
  "figure",
]);

interface Block {
  prefix: string;
  text: string;
}

/**
 * HTML through htmlparser2's streaming parser (real tokenizer: entities, implied end tags, broken
 * markup). Text outside scripts and styles is kept; headings, list items, quotes, code and links
 * become their Markdown forms.
 */
export function extractHtml(bytes: Uint8Array): Extracted {
  const blocks: Block[] = [];
  let current: Block = { prefix: "", text: "" };
  let skipDepth = 0;
  let preDepth = 0;
  const linkStack: (string | null)[] = [];

  const flush = () => {
    const text = preDepth > 0 ? current.text : current.text.replace(/\s+/g, " ").trim();
    if (text.trim()) blocks.push({ prefix: current.prefix, text });
    current = { prefix: "", text: "" };
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) flush();
        const heading = /^h([1-6])$/.exec(name);
        if (heading) current.prefix = `${"#".repeat(Number(heading[1]))} `;
        else if (name === "li") current.prefix = "- ";
        else if (name === "blockquote") current.prefix = "> ";
        else if (name === "pre") {
          preDepth++;
          current.prefix = "```\n";
        } else if (name === "a") {
          const href = attributes.href;
          linkStack.push(href && /^(https?:|mailto:)/i.test(href) ? href : null);
          if (linkStack.at(-1)) current.text += "[";
        } else if (name === "td" || name === "th") current.text += " ";
      },
      ontext(data) {
        if (skipDepth === 0) current.text += data;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === "a") {
          const href = linkStack.pop();
          if (href) current.text += `](${href})`;
        }
        if (name === "pre") {
          current.text = current.text.replace(/\n+$/, "");
          current.text += "\n```";
          flush();
          preDepth = Math.max(0, preDepth - 1);
          return;
        }
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(decodeUtf8(bytes));
  parser.end();
  flush();

  const markdown = blocks.map((block) => `${block.prefix}${block.text}`).join("\n\n");
  const text = blocks
    .map((block) => block.text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/^\n?|```$/g, ""))
    .join("\n\n");
  return { text, markdown };
}
