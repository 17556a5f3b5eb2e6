/** What every extractor returns: plain text for analysis and a clean Markdown rendition. */
export interface Extracted {
  text: string;
  markdown: string;
  /** Pages for PDFs, rows for CSV; absent where the notion does not apply. */
  units?: { pages?: number; rows?: number };
}
