import { extractEntities } from "./entities.ts";
import { DocumentError } from "./errors.ts";
import { extract } from "./extract/index.ts";
import { detectFileKind } from "./file-kind.ts";
import { assertFileSize, assertUsableText } from "./limits.ts";
import type { Analysis } from "./outputs.ts";
import { computeStats } from "./stats.ts";
import { summarize } from "./summary.ts";

export interface DocumentInput {
  title: string;
  fileName: string;
  mimeType?: string | null;
  bytes: Uint8Array;
}

/** Named steps, so a caller can report progress and honour cancellation between them. */
export type AnalysisStep = "extract" | "stats" | "entities" | "summary";

/**
 * The whole pure pipeline: detect type, extract, measure, find entities, summarise. `beforeStep`
 * runs before each step; a caller that throws from it (cancel requested) stops the pipeline there.
 */
export async function analyzeDocument(
  input: DocumentInput,
  beforeStep: (step: AnalysisStep) => Promise<void> | void = () => {},
): Promise<Analysis> {
  const kind = detectFileKind(input.fileName, input.mimeType);
  assertFileSize(input.bytes.byteLength);
  await beforeStep("extract");
  const extracted = await extract(input.bytes, kind);
  assertUsableText(extracted.text);
  await beforeStep("stats");
  const stats = computeStats(extracted.text);
  if (stats.words === 0) throw new DocumentError("The document contains no words");
  await beforeStep("entities");
  const entities = extractEntities(extracted.text);
  await beforeStep("summary");
  const summary = summarize(extracted.text);
  return {
    title: input.title,
    kind,
    markdown: extracted.markdown,
    summary,
    stats,
    entities,
    ...(extracted.units ? { units: extracted.units } : {}),
  };
}
