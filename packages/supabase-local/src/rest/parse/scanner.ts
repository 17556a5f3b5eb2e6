// A small cursor over a query-string value shared by the select, filter, order and logic parsers.
import { parseError } from "../errors.ts";

export class Scanner {
  readonly text: string;
  pos = 0;
  private readonly what: string;

  constructor(text: string, what: string) {
    this.text = text;
    this.what = what;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? "";
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) throw this.fail(`expecting "${s}"`);
  }

  skipSpaces(): void {
    while (this.peek() === " " || this.peek() === "\t" || this.peek() === "\n") this.pos++;
  }

  fail(expecting: string): Error {
    const found = this.done ? "end of input" : `"${this.peek()}"`;
    return parseError(
      `${this.what} (${this.text})`,
      `unexpected ${found} at position ${this.pos + 1}, ${expecting}`,
    );
  }

  /** A name: double-quoted (with backslash escapes) or a run of identifier characters. */
  name(): string {
    this.skipSpaces();
    if (this.eat('"')) {
      let out = "";
      while (!this.done && this.peek() !== '"') {
        if (this.peek() === "\\") this.pos++;
        out += this.peek();
        this.pos++;
      }
      this.expect('"');
      return out;
    }
    const start = this.pos;
    while (!this.done && isIdentChar(this.peek(), this.peek(1))) this.pos++;
    const name = this.text.slice(start, this.pos).trim();
    if (!name) throw this.fail("expecting a name");
    return name;
  }
}

// Letters, digits, `_`, `$`, spaces, and `-` unless it starts a `->` JSON arrow.
function isIdentChar(ch: string, next: string): boolean {
  if (ch === "-") return next !== ">";
  return /[\p{L}\p{N}_$ ]/u.test(ch);
}
