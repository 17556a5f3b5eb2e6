import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import { loadDocument } from "../documents/load-document.ts";
import { saveOutputs } from "../documents/save-outputs.ts";
import { Semaphore } from "../documents/semaphore.ts";
import { lazyTask } from "../lazy-task.ts";
import { type AnalysisStep, analyzeDocument } from "../processing/analyze.ts";
import { renderOutputs } from "../processing/outputs.ts";
import { type RunContext, trackedTask } from "../tracking/tracked-task.ts";

const STEP_PROGRESS: Record<AnalysisStep, number> = {
  extract: 20,
  stats: 45,
  entities: 60,
  summary: 75,
};

/** Extracts, analyses and renders one document; outputs go to the outputs table and Storage. */
export function createDocumentProcessTask(deps: WorkerDeps): Task {
  const slots = new Semaphore(deps.config.documentConcurrency);
  async function processDocument(documentId: string, ctx: RunContext) {
    const doc = await loadDocument(deps.supabase, documentId);
    ctx.subject = { userId: doc.ownerId, title: doc.title };
    await ctx.step(10);
    const analysis = await analyzeDocument(doc, (step) => ctx.step(STEP_PROGRESS[step]));
    await ctx.step(85);
    const saved = await saveOutputs(deps.supabase, doc, renderOutputs(analysis));
    ctx.log.info("outputs saved", { documentId, outputs: saved.length });
    return {
      result: {
        documentId,
        fileKind: analysis.kind,
        words: analysis.stats.words,
        language: analysis.stats.language,
        outputs: saved,
      },
    };
  }

  return trackedTask(deps, {
    kind: "document__process",
    // Its first act is a step: the start write's answer is awaited there, not before run().
    pureUntilFirstStep: true,
    documentStatus: {
      running: "processing",
      queued: "queued",
      succeeded: "ready",
      failed: "failed",
      cancelled: "failed",
    },
    async run({ documentId }, ctx) {
      await ctx.step(5);
      const release = await slots.acquire();
      try {
        return await processDocument(documentId, ctx);
      } finally {
        release();
      }
    },
    notify({ documentId }, end, { userId, title }) {
      const link = `${deps.config.appUrl}/documents/${documentId}`;
      return end.status === "succeeded"
        ? {
            userId,
            kind: "document_ready",
            title: `Ready: ${title}`,
            body: "Summary, Markdown, entities and stats are available.",
            link,
          }
        : {
            userId,
            kind: "document_failed",
            title: `Processing failed: ${title}`,
            body: end.error ?? "Unknown error",
            link,
          };
    },
  });
}

export default lazyTask(createDocumentProcessTask);
